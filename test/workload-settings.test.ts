/** Workload settings: defaults, ranges and cross-checks, each bad value with a clear message. */
import { EXAMPLE_TOPOLOGY, TopologyError, validateTopology, WORKLOAD_DEFAULTS, type TopologyInput } from '../accounts';

/** The example with `workload` of dev replaced (other environments unchanged). */
function withDevWorkload(workload: unknown, edit?: (t: any) => void): unknown {
  const topology = structuredClone(EXAMPLE_TOPOLOGY) as any;
  topology.environments[0].workload = workload;
  edit?.(topology);
  return topology;
}

function problemsOf(raw: unknown): { path: string; value?: string; problem: string; fix: string }[] {
  try {
    validateTopology(raw, 'test');
  } catch (e) {
    if (e instanceof TopologyError) return [...e.problems];
    throw e;
  }
  throw new Error('expected the topology to be rejected');
}

describe('workload settings', () => {
  test('an empty section gets the small defaults', () => {
    const topology = validateTopology(withDevWorkload({}), 'test');
    expect(topology.environments[0].workload).toEqual({
      compute: WORKLOAD_DEFAULTS.compute,
      eks: { ...WORKLOAD_DEFAULTS.eks, adminRoleArns: [] },
      database: WORKLOAD_DEFAULTS.database,
      redshift: { ...WORKLOAD_DEFAULTS.redshift, analyticsCidrs: [] },
      logRetentionDays: 365,
      alertEmails: [],
    });
  });

  test('a missing section gets the same defaults', () => {
    const topology = structuredClone(EXAMPLE_TOPOLOGY) as TopologyInput;
    delete (topology.environments[0] as any).workload;
    expect(validateTopology(topology, 'test').environments[0].workload.database.backupRetentionDays).toBe(35);
  });

  test('the example sizes prod larger than dev, with multi-node Redshift', () => {
    const [dev, , prod] = validateTopology(EXAMPLE_TOPOLOGY, 'test').environments.map((e) => e.workload);
    expect(prod.compute.minCapacity).toBeGreaterThan(dev.compute.minCapacity);
    expect(prod.redshift.numberOfNodes).toBeGreaterThan(1);
    expect(dev.redshift.numberOfNodes).toBe(1);
  });
});

describe('fails when', () => {
  test.each([
    ['an instance type is malformed', { compute: { instanceType: 'large' } }, 'compute.instanceType', '"large"', 'is not an EC2 instance type', 'such as "t3.medium"'],
    ['a DB instance class lacks "db."', { database: { instanceClass: 'r7g.large' } }, 'database.instanceClass', '"r7g.large"', 'is not an RDS instance class', 'it starts with "db."'],
    ['the fleet minimum is zero', { compute: { minCapacity: 0 } }, 'compute.minCapacity', '0', 'is below 1, the smallest allowed minimum number of instances', 'from 1 to 50'],
    ['the node maximum is too large', { eks: { maxCapacity: 500 } }, 'eks.maxCapacity', '500', 'is above 100, the largest allowed maximum number of nodes', 'from 1 to 100'],
    ['a size is not a whole number', { database: { allocatedStorageGiB: 99.5 } }, 'database.allocatedStorageGiB', '99.5', 'must be a whole number', 'from 20 to 65536'],
    ['a size is a string', { compute: { volumeSizeGiB: '30' } }, 'compute.volumeSizeGiB', '"30"', 'must be root volume size in GiB written as a number', 'from 8 to 1024'],
    ['backups are kept longer than RDS allows', { database: { backupRetentionDays: 40 } }, 'database.backupRetentionDays', '40', 'is above 35', '35 is the RDS maximum'],
    ['backups are kept less than a week', { database: { backupRetentionDays: 1 } }, 'database.backupRetentionDays', '1', 'is below 7', 'from 7 to 35'],
    ['log retention is not a CloudWatch period', { logRetentionDays: 100 }, 'logRetentionDays', '100', 'is not an allowed log retention in days', 'use one of 365, 400'],
    ['the Redshift node type is retired', { redshift: { nodeType: 'dc2.large' } }, 'redshift.nodeType', '"dc2.large"', 'is not an allowed Redshift node type', '"ra3.large"'],
    ['Redshift has too many nodes', { redshift: { numberOfNodes: 64 } }, 'redshift.numberOfNodes', '64', 'is above 32', 'from 1 to 32'],
    ['the Kubernetes version is unsupported', { eks: { version: '1.21' } }, 'eks.version', '"1.21"', 'is not an allowed Kubernetes version', '"1.34"'],
    ['an admin is not a role ARN', { eks: { adminRoleArns: ['arn:aws:iam::111111111103:user/alice'] } }, 'eks.adminRoleArns[0]', '"arn:aws:iam::111111111103:user/alice"', 'is not an IAM role ARN', 'ARN of an IAM role'],
    ['an alert address is not an e-mail', { alertEmails: ['oncall'] }, 'alertEmails[0]', '"oncall"', 'is not an e-mail address', 'oncall@example.com'],
    ['an analytics CIDR is malformed', { redshift: { analyticsCidrs: ['172.16.20.1/24'] } }, 'redshift.analyticsCidrs[0]', '"172.16.20.1/24"', 'has host bits set', 'network address'],
  ])('%s', (_name, workload, path, value, problem, fix) => {
    const problems = problemsOf(withDevWorkload(workload));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe(`environments[0].workload.${path}`);
    expect(problems[0].value).toBe(value);
    expect(problems[0].problem).toContain(problem);
    expect(problems[0].fix).toContain(fix);
  });

  test('an unknown key is rejected with the allowed keys', () => {
    const [p] = problemsOf(withDevWorkload({ database: { multiAz: false } }));
    expect(p).toMatchObject({ path: 'environments[0].workload.database.multiAz', problem: 'unknown key "multiAz"' });
    expect(p.fix).toContain('allowed here: instanceClass, allocatedStorageGiB, maxAllocatedStorageGiB, backupRetentionDays, connectionsAlarmThreshold');
  });

  test('the fleet minimum is above its maximum', () => {
    expect(problemsOf(withDevWorkload({ compute: { minCapacity: 4, maxCapacity: 2 } }))).toEqual([{
      path: 'environments[0].workload.compute.minCapacity', value: '4', problem: 'minCapacity 4 is above maxCapacity 2', fix: 'make minCapacity ≤ maxCapacity.',
    }]);
  });

  test('the desired node count is outside min and max (defaults count)', () => {
    expect(problemsOf(withDevWorkload({ eks: { desiredCapacity: 5 } }))).toEqual([{
      path: 'environments[0].workload.eks.desiredCapacity', value: '5', problem: 'desiredCapacity 5 is outside minCapacity 1 to maxCapacity 3', fix: 'make minCapacity ≤ desiredCapacity ≤ maxCapacity.',
    }]);
  });

  test('storage autoscaling cannot grow', () => {
    const [p] = problemsOf(withDevWorkload({ database: { allocatedStorageGiB: 300 } }));
    expect(p).toMatchObject({ path: 'environments[0].workload.database.maxAllocatedStorageGiB', problem: 'the storage autoscaling limit (200 GiB) is below the allocated storage (300 GiB)' });
  });

  test('a large Redshift node type runs on one node', () => {
    const [p] = problemsOf(withDevWorkload({ redshift: { nodeType: 'ra3.16xlarge', numberOfNodes: 1 } }));
    expect(p).toMatchObject({ path: 'environments[0].workload.redshift.numberOfNodes', problem: 'ra3.16xlarge does not run as a single-node cluster' });
    expect(p.fix).toContain('at least 2 nodes');
  });

  test('an analytics CIDR is not on-premise', () => {
    const [p] = problemsOf(withDevWorkload({ redshift: { analyticsCidrs: ['172.16.0.0/24', '10.99.0.0/24'] } }));
    expect(p).toEqual({
      path: 'environments[0].workload.redshift.analyticsCidrs[1]',
      value: '"10.99.0.0/24"',
      problem: '10.99.0.0/24 is not within any on-premise range (onPremiseCidrs: 172.16.0.0/16, 172.17.0.0/16)',
      fix: 'allow only on-premise analytics networks: use a range inside onPremiseCidrs, or add the on-premise range there first.',
    });
  });

  test('an analytics CIDR is wider than the on-premise range that holds its start', () => {
    const [p] = problemsOf(withDevWorkload({ redshift: { analyticsCidrs: ['172.16.0.0/15'] } }, (t) => { t.onPremiseCidrs = ['172.16.0.0/16']; }));
    expect(p.path).toBe('environments[0].workload.redshift.analyticsCidrs[0]');
  });

  test('every problem of the section is reported in one run', () => {
    const problems = problemsOf(withDevWorkload({
      compute: { instanceType: 'x', minCapacity: 5, maxCapacity: 2 },
      database: { backupRetentionDays: 0 },
      logRetentionDays: 7,
      redshift: { analyticsCidrs: ['192.168.0.0/24'] },
    }));
    expect(problems.map((p) => p.path)).toEqual([
      'environments[0].workload.compute.instanceType',
      'environments[0].workload.database.backupRetentionDays',
      'environments[0].workload.logRetentionDays',
      'environments[0].workload.compute.minCapacity',
      'environments[0].workload.redshift.analyticsCidrs[0]',
    ]);
  });
});
