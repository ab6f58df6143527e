/** Validation of SaaS providers: schema fields, ARNs in the provider's account, routable paths and CIDR overlaps. */
import { EXAMPLE_TOPOLOGY, validateTopology, type TopologyProblem } from '../accounts';
import { exampleInput, problemsOf as problemsOfInput } from './support/topology';

type Mutable = any;

/** A deep copy of the example, changed by `mutate`. */
function variant(mutate: (t: Mutable) => void): Mutable {
  const copy = exampleInput();
  mutate(copy);
  return copy;
}

/** The problems of the example changed by `mutate`; fails the test when it validates. */
function problemsOf(mutate: (t: Mutable) => void): TopologyProblem[] {
  return [...problemsOfInput(variant(mutate))];
}

const peering = (t: Mutable) => t.saasProviders[0];
const privateLink = (t: Mutable) => t.saasProviders[1];

describe('SaaS providers in the example', () => {
  const topology = validateTopology(EXAMPLE_TOPOLOGY, 'the example');

  test('provider 1 peers, provider 2 uses PrivateLink and DynamoDB', () => {
    const [p1, p2] = topology.saasProviders;
    expect(p1.connection).toEqual({ type: 'vpc-peering', accepterRoleArn: 'arn:aws:iam::999999999901:role/paradigm-peering-accepter' });
    expect(p1.reachableFromWorkloads).toBe(false);
    expect(p2.connection).toMatchObject({ type: 'privatelink', privateDns: false });
    expect(p2.reachableFromWorkloads).toBe(true);
    expect(p2.dynamodb?.tableArns).toHaveLength(2);
  });

  test('defaults: not reachable from workloads, read-write inbound access, no private DNS', () => {
    const topology2 = validateTopology(variant((t) => {
      delete peering(t).reachableFromWorkloads;
      delete peering(t).inbound;
      delete privateLink(t).connection.privateDns;
    }), 'test');
    expect(topology2.saasProviders[0].reachableFromWorkloads).toBe(false);
    expect(topology2.saasProviders[0].inbound).toEqual({ access: 'read-write' });
    expect(topology2.saasProviders[1].connection).toMatchObject({ privateDns: false });
  });

  test('accepts external ids of 2 and of 1224 characters from the STS character set', () => {
    expect(() => validateTopology(variant((t) => { peering(t).externalId = 'ab'; }), 'test')).not.toThrow();
    expect(() => validateTopology(variant((t) => { peering(t).externalId = 'a:b/c=d,e.f@g_h+i-'.padEnd(1224, 'x'); }), 'test')).not.toThrow();
  });
});

describe('external id', () => {
  test('fails when the external id is missing', () => {
    const problems = problemsOf((t) => { delete peering(t).externalId; });
    expect(problems).toContainEqual(expect.objectContaining({ path: 'saasProviders[0].externalId', problem: 'is missing' }));
    expect(problems.find((p) => p.path === 'saasProviders[0].externalId')?.fix).toMatch(/add an STS external id/);
  });

  test.each([
    ['too short', 'a'],
    ['too long', 'x'.repeat(1225)],
    ['with a space', 'paradigm provider'],
    ['with a character STS rejects', 'paradigm#1'],
  ])('fails when the external id is %s', (_, value) => {
    const problems = problemsOf((t) => { privateLink(t).externalId = value; });
    expect(problems).toContainEqual(expect.objectContaining({ path: 'saasProviders[1].externalId', problem: 'is not an STS external id' }));
  });

  test('fails when the DynamoDB external id override breaks the STS rules', () => {
    const problems = problemsOf((t) => { privateLink(t).dynamodb.externalId = 'bad id'; });
    expect(problems.map((p) => p.path)).toEqual(['saasProviders[1].dynamodb.externalId']);
  });
});

describe('VPC peering', () => {
  test('fails when the accepter role is in the wrong account, naming both accounts', () => {
    const problems = problemsOf((t) => { peering(t).connection.accepterRoleArn = 'arn:aws:iam::123456789012:role/peering-accepter'; });
    expect(problems).toEqual([expect.objectContaining({
      path: 'saasProviders[0].connection.accepterRoleArn',
      problem: 'accepter role in the wrong account: 123456789012, but provider "provider-1" is account 999999999901',
    })]);
    expect(problems[0].fix).toMatch(/999999999901/);
  });

  test('fails on an impossible path: a peered provider reachable from workloads', () => {
    const problems = problemsOf((t) => { peering(t).reachableFromWorkloads = true; });
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('saasProviders[0].reachableFromWorkloads');
    expect(problems[0].problem).toMatch(/not transitive/);
    expect(problems[0].fix).toMatch(/set connection.type to "privatelink"/);
  });

  test('fails when PrivateLink settings are given to a peering connection', () => {
    const problems = problemsOf((t) => { peering(t).connection.privateDns = true; });
    expect(problems).toEqual([expect.objectContaining({ path: 'saasProviders[0].connection.privateDns', problem: 'unknown key "privateDns"' })]);
  });
});

describe('PrivateLink', () => {
  test('fails when the endpoint service is in another region than a bridge', () => {
    const problems = problemsOf((t) => { privateLink(t).connection.serviceName = 'com.amazonaws.vpce.eu-west-1.vpce-svc-0bbbbbbbbbbbbbbb2'; });
    expect(problems.map((p) => p.path)).toEqual(Array(3).fill('saasProviders[1].connection.serviceName'));
    expect(problems[0].problem).toMatch(/in eu-west-1, but the SaaS bridge of dev is in us-east-1/);
  });

  test('fails when the connection type is unknown', () => {
    const problems = problemsOf((t) => { privateLink(t).connection.type = 'transit-gateway'; });
    expect(problems).toEqual([expect.objectContaining({ path: 'saasProviders[1].connection.type', value: '"transit-gateway"' })]);
    expect(problems[0].fix).toMatch(/"vpc-peering" or "privatelink"/);
  });
});

describe('ports and inbound access', () => {
  test.each([[[]], [[0]], [[65536]], [['443']]])('fails when ports are %j', (ports) => {
    const problems = problemsOf((t) => { peering(t).ports = ports; });
    expect(problems.every((p) => p.path.startsWith('saasProviders[0].ports'))).toBe(true);
    expect(problems.length).toBeGreaterThan(0);
  });

  test('fails when the inbound principal is a role of another account', () => {
    const problems = problemsOf((t) => { privateLink(t).inbound.principalArn = 'arn:aws:iam::111111111103:role/someone'; });
    expect(problems).toEqual([expect.objectContaining({ path: 'saasProviders[1].inbound.principalArn', problem: expect.stringMatching(/^inbound principal in the wrong account/) })]);
  });

  test('fails when the access level is unknown', () => {
    const problems = problemsOf((t) => { peering(t).inbound.access = 'admin'; });
    expect(problems).toEqual([expect.objectContaining({ path: 'saasProviders[0].inbound.access', problem: 'is not an access level' })]);
  });
});

describe('DynamoDB access', () => {
  test('fails when the provider role or a table is in another account', () => {
    const problems = problemsOf((t) => {
      privateLink(t).dynamodb.roleArn = 'arn:aws:iam::123456789012:role/table-access';
      privateLink(t).dynamodb.tableArns[0] = 'arn:aws:dynamodb:us-east-1:123456789012:table/studies';
    });
    expect(problems.map((p) => `${p.path}: ${p.problem.split(':')[0]}`)).toEqual([
      'saasProviders[1].dynamodb.roleArn: DynamoDB access role in the wrong account',
      'saasProviders[1].dynamodb.tableArns[0]: table in the wrong account',
    ]);
  });

  test('fails when a table is outside the provider region and the bridge region', () => {
    const problems = problemsOf((t) => { privateLink(t).dynamodb.tableArns[0] = 'arn:aws:dynamodb:us-west-2:999999999902:table/studies'; });
    expect(problems[0]).toMatchObject({ path: 'saasProviders[1].dynamodb.tableArns[0]', problem: 'table in region us-west-2, but provider "provider-2" is in us-east-1' });
    expect(problems.slice(1).map((p) => p.problem)).toEqual(['dev', 'staging', 'prod'].map((env) =>
      `table in us-west-2, but ${env} runs in us-east-1; its VPCs have no internet access and DynamoDB endpoints only reach tables of their own region`));
  });

  test.each([
    ['a wildcard action', { actions: ['dynamodb:*'] }, 'saasProviders[1].dynamodb.actions[0]'],
    ['a control-plane action', { actions: ['dynamodb:DeleteTable'] }, 'saasProviders[1].dynamodb.actions[0]'],
    ['no actions', { actions: [] }, 'saasProviders[1].dynamodb.actions'],
    ['no tables', { tableArns: [] }, 'saasProviders[1].dynamodb.tableArns'],
    ['a wildcard table', { tableArns: ['arn:aws:dynamodb:us-east-1:999999999902:table/*'] }, 'saasProviders[1].dynamodb.tableArns[0]'],
  ])('fails with %s', (_, change, path) => {
    const problems = problemsOf((t) => { Object.assign(privateLink(t).dynamodb, change); });
    expect(problems.map((p) => p.path)).toEqual([path]);
  });
});

describe('CIDR overlaps', () => {
  test('fails when two provider VPCs overlap, naming both ranges', () => {
    const problems = problemsOf((t) => { privateLink(t).cidr = '10.201.8.0/21'; });
    expect(problems).toEqual([expect.objectContaining({
      path: 'saasProviders[1].cidr',
      problem: 'the VPC of SaaS provider "provider-2" (10.201.8.0/21) contains or equals the VPC of SaaS provider "provider-1" (10.201.0.0/20, at saasProviders[0].cidr)',
    })]);
  });

  test('fails when a provider VPC overlaps a Paradigm VPC, naming both ranges', () => {
    const problems = problemsOf((t) => { peering(t).cidr = '10.10.0.0/20'; });
    expect(problems).toEqual([expect.objectContaining({
      path: 'saasProviders[0].cidr',
      problem: 'the VPC of SaaS provider "provider-1" (10.10.0.0/20) contains or equals the workload VPC of dev (10.10.0.0/16, at environments[0].network.workloadVpcCidr)',
    })]);
  });

  test('fails when a provider VPC overlaps an on-premise range, naming both ranges', () => {
    const problems = problemsOf((t) => { privateLink(t).cidr = '172.16.0.0/16'; });
    expect(problems[0].problem).toBe('the VPC of SaaS provider "provider-2" (172.16.0.0/16) contains or equals an on-premise range (172.16.0.0/16, at onPremiseCidrs[0])');
  });

  test('fails when a provider VPC partly overlaps the SaaS bridge VPC', () => {
    const problems = problemsOf((t) => { peering(t).cidr = '10.11.0.0/16'; });
    expect(problems[0].problem).toMatch(/\(10\.11\.0\.0\/16\) contains or equals the SaaS bridge VPC of dev \(10\.11\.0\.0\/20/);
    expect(problems[0].fix).toMatch(/range of its own/);
  });
});

test('reports every SaaS problem of one topology in one run', () => {
  const problems = problemsOf((t) => {
    delete peering(t).externalId;
    peering(t).reachableFromWorkloads = true;
    peering(t).connection.accepterRoleArn = 'arn:aws:iam::123456789012:role/peering-accepter';
    privateLink(t).cidr = '10.201.0.0/20';
  });
  expect(problems.map((p) => p.path).sort()).toEqual([
    'saasProviders[0].connection.accepterRoleArn',
    'saasProviders[0].externalId',
    'saasProviders[0].reachableFromWorkloads',
    'saasProviders[1].cidr',
  ]);
});
