import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEPLOY_TIERS, loadTopology, parseCidr, resolveTopologySource, TOPOLOGY_ENV_VAR, TopologyError } from '../accounts';
import { exampleInput, problemsOf, validTopology } from './support/topology';

const fixture = (name: string, file: string) => join(__dirname, 'fixtures', name, file);

describe('the embedded example', () => {
  test('validates, with three environments in promotion order and four accounts each', () => {
    const topology = loadTopology({ example: true });
    expect(topology.environments.map((e) => e.name)).toEqual(['dev', 'staging', 'prod']);
    const ids = topology.environments.flatMap((e) => Object.values(e.accounts).map((a) => a.accountId));
    expect(new Set(ids).size).toBe(12);
    expect(topology.saasProviders).toHaveLength(2);
    expect(topology.environments[2].approval).toEqual({ required: true, reviewers: ['team:platform-leads', 'team:security-officers'] });
  });

  test('applies defaults', () => {
    const raw = exampleInput();
    delete raw.github.defaultBranch;
    delete raw.saasProviders;
    const topology = validTopology(raw);
    expect(topology.github.defaultBranch).toBe('main');
    expect(topology.saasProviders).toEqual([]);
  });
});

describe('loading a topology file', () => {
  test('a JSON file replaces the example', () => {
    const topology = loadTopology({ file: fixture('minimal', 'topology.json') });
    expect(topology.environments.map((e) => e.name)).toEqual(['sandbox']);
    expect(topology.environments[0].accounts.workload.region).toBe('eu-west-1');
  });

  test('the flag wins over the environment variable, which wins over the example', () => {
    expect(resolveTopologySource('a.yaml', { [TOPOLOGY_ENV_VAR]: 'b.yaml' })).toEqual({ file: 'a.yaml' });
    expect(resolveTopologySource(undefined, { [TOPOLOGY_ENV_VAR]: 'b.yaml' })).toEqual({ file: 'b.yaml' });
    expect(resolveTopologySource(undefined, {})).toEqual({ example: true });
  });

  test('a file with three different mistakes reports all of them with paths and fixes', () => {
    let error: TopologyError | undefined;
    try {
      loadTopology({ file: fixture('three-mistakes', 'topology.yaml') });
    } catch (e) {
      error = e as TopologyError;
    }
    expect(error).toBeInstanceOf(TopologyError);
    const byPath = Object.fromEntries(error!.problems.map((p) => [p.path, p]));
    expect(byPath['environments[0].accounts.workload.accountId']).toMatchObject({ value: '"12345"', problem: 'is not a 12-digit AWS account id' });
    expect(byPath['environments[1].accounts.networkHub.region']).toMatchObject({ value: '"mars-north-1"', problem: 'is not an AWS region' });
    expect(byPath['environments[1].colour']).toMatchObject({ problem: 'unknown key "colour"' });
    expect(byPath['environments[1].colour'].fix).toContain('allowed here: name, approval, accounts, network');
    expect(byPath['environments[1].accounts.audit.accountId'].problem).toContain('already used by environments[0].accounts.audit.accountId');
    expect(byPath['environments[1].approval.reviewers'].problem).toBe('approval is required but nobody may approve');
    expect(byPath['environments[0].network.saasBridgeVpcCidr'].problem).toContain('contains or equals the workload VPC of dev');
    for (const p of error!.problems) expect(p.fix.length).toBeGreaterThan(10);
    expect(error!.message).toMatch(/^The topology from .*topology\.yaml has \d+ problems:/);
    expect(error!.message).toContain('fix:');
  });

  test('fails when the file does not exist, is not valid YAML, or has an unknown extension', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topology-'));
    writeFileSync(join(dir, 'bad.yaml'), 'github: [unclosed');
    writeFileSync(join(dir, 'topology.toml'), 'x = 1');
    expect(() => loadTopology({ file: join(dir, 'missing.yaml') })).toThrow(/cannot read the topology file: the file does not exist/);
    expect(() => loadTopology({ file: join(dir, 'bad.yaml') })).toThrow(/not valid YAML/);
    expect(() => loadTopology({ file: join(dir, 'topology.toml') })).toThrow(/unsupported file extension/);
  });

  test('fails when YAML repeats a key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topology-'));
    writeFileSync(join(dir, 'dup.yaml'), 'drift: {schedule: "0 6 * * *"}\ndrift: {schedule: "0 7 * * *"}\n');
    expect(() => loadTopology({ file: join(dir, 'dup.yaml') })).toThrow(/not valid YAML/);
  });
});

describe('validation', () => {
  test('fails when an environment name is repeated or collides with an approval environment', () => {
    const raw = exampleInput();
    raw.environments[1].name = 'dev';
    raw.environments[2].name = 'dev-approval';
    const paths = problemsOf(raw).map((p) => `${p.path}: ${p.problem}`);
    expect(paths).toContain('environments[1].name: environment name is already used by environments[0]');
    expect(paths).toContain('environments[2].name: collides with the GitHub approval environment of "dev"');
  });

  test('fails when an environment name cannot name a GitHub environment', () => {
    const raw = exampleInput();
    raw.environments[0].name = 'Dev Env';
    expect(problemsOf(raw)).toEqual([expect.objectContaining({ path: 'environments[0].name', value: '"Dev Env"', problem: 'is not an environment name' })]);
  });

  test('fails when an account is shared between environments or roles', () => {
    const raw = exampleInput();
    raw.environments[2].accounts.workload.accountId = raw.environments[0].accounts.workload.accountId;
    raw.environments[1].accounts.saasBridge.accountId = raw.environments[1].accounts.networkHub.accountId;
    const problems = problemsOf(raw);
    expect(problems.map((p) => p.path)).toEqual(['environments[1].accounts.saasBridge.accountId', 'environments[2].accounts.workload.accountId']);
  });

  test('fails when account ids are numbers or have the wrong length', () => {
    const raw = exampleInput();
    (raw.environments[0].accounts.audit as any).accountId = 111111111101;
    raw.environments[0].accounts.networkHub.accountId = '1111111111020';
    const problems = problemsOf(raw);
    expect(problems[0]).toMatchObject({ path: 'environments[0].accounts.audit.accountId', problem: 'must be a 12-digit AWS account id written as a string' });
    expect(problems[1]).toMatchObject({ path: 'environments[0].accounts.networkHub.accountId', problem: 'is not a 12-digit AWS account id' });
  });

  test('fails when required keys are missing, naming what to add', () => {
    const raw = exampleInput();
    delete raw.environments[0].network.workloadVpcCidr;
    delete raw.drift;
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(expect.objectContaining({ path: 'environments[0].network.workloadVpcCidr', problem: 'is missing' }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'drift', problem: 'is missing' }));
  });

  test('fails when CIDRs overlap across VPCs, on-premise ranges and SaaS VPCs, naming both ranges', () => {
    const raw = exampleInput();
    raw.environments[1].network.workloadVpcCidr = '10.10.0.0/16';
    raw.onPremiseCidrs = ['10.31.0.0/24'];
    raw.saasProviders[0].cidr = '10.202.0.0/20';
    const problems = problemsOf(raw).map((p) => p.problem);
    expect(problems).toContain('the workload VPC of staging (10.10.0.0/16) contains or equals the workload VPC of dev (10.10.0.0/16, at environments[0].network.workloadVpcCidr)');
    expect(problems).toContain('an on-premise range (10.31.0.0/24) contains or equals the SaaS bridge VPC of prod (10.31.0.0/20, at environments[2].network.saasBridgeVpcCidr)');
    expect(problems.some((p) => p.includes('SaaS provider "provider-2"') && p.includes('SaaS provider "provider-1"'))).toBe(true);
  });

  test('fails on CIDRs with host bits, bad syntax or a prefix a VPC cannot use', () => {
    const raw = exampleInput();
    raw.environments[0].network.workloadVpcCidr = '10.10.0.1/16';
    raw.environments[1].network.workloadVpcCidr = '10.0.0.0/8';
    raw.onPremiseCidrs = ['172.16.0.0'];
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(expect.objectContaining({ path: 'environments[0].network.workloadVpcCidr', problem: 'has host bits set (the network address of /16 is 10.10.0.0/16)' }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'environments[1].network.workloadVpcCidr', problem: expect.stringContaining('must be between /16 and /28') }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'onPremiseCidrs[0]', problem: 'is not an IPv4 CIDR block of the form a.b.c.d/n' }));
  });

  test('fails when a Transit Gateway ASN is not private', () => {
    const raw = exampleInput();
    raw.environments[0].network.transitGateway.amazonSideAsn = 65535;
    expect(problemsOf(raw)[0]).toMatchObject({ path: 'environments[0].network.transitGateway.amazonSideAsn', value: '65535', problem: 'is not a private ASN' });
  });

  test('reports the discriminator of a SaaS connection', () => {
    const raw = exampleInput();
    (raw.saasProviders[0].connection as any) = { type: 'vpn' };
    expect(problemsOf(raw)[0]).toMatchObject({ path: 'saasProviders[0].connection.type', value: '"vpn"' });
  });

  test('fails when the topology is not an object at all', () => {
    expect(problemsOf([])[0]).toMatchObject({ path: '(top level)', problem: 'must be an object (the topology)' });
  });
});

describe('helpers', () => {
  test('parseCidr computes ranges and rejects bad input', () => {
    expect(parseCidr('10.0.0.0/8')).toMatchObject({ start: 167772160, end: 184549375, prefix: 8 });
    expect(parseCidr('256.0.0.0/8')).toBe('has an octet above 255');
    expect(parseCidr('10.0.0.0/33')).toBe('has a prefix length above 32');
  });

  test('deploy tiers follow the role dependencies', () => {
    expect(DEPLOY_TIERS).toEqual([['audit'], ['networkHub'], ['workload', 'saasBridge']]);
  });
});
