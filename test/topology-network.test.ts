import { validateTopology, type TopologyInput } from '../accounts';
import { exampleVariant, problemsOf } from './support/variant-app';

type Env = TopologyInput['environments'][number];
const prod = (t: TopologyInput): Env => t.environments[2];
const dx = (t: TopologyInput) => {
  const options = prod(t).network.directConnect;
  if (!options) throw new Error('the example prod environment has Direct Connect');
  return options;
};

/** Asserts that the variant fails with a problem at `path` whose text matches `problem`, and that its fix is written out. */
function expectProblem(change: (t: TopologyInput) => void, path: string, problem: RegExp): void {
  const problems = problemsOf(change);
  const match = problems.find((p) => p.path === path && problem.test(p.problem));
  expect({ match: match !== undefined, problems: problems.map((p) => `${p.path}: ${p.problem}`) }).toEqual(expect.objectContaining({ match: true }));
  expect(match?.fix.length).toBeGreaterThan(10);
}

describe('network settings of the example', () => {
  test('are valid and get their defaults', () => {
    const topology = validateTopology(exampleVariant(), 'test');
    expect(topology.environments[0].network.segmentation.saasBridgeToOnPremise).toBe(false);
    expect(topology.environments[0].network.flowLogRetentionDays).toBe(365);
    expect(topology.environments[0].network.directConnect).toBeUndefined();
    expect(topology.environments[2].network.directConnect).toMatchObject({ gatewayAsn: 64600, vlan: 301, mtu: 8500, allowedPrefixes: ['10.30.0.0/16'] });
    expect(topology.organization).toBeUndefined();
  });

  test('accept an organization id', () => {
    const topology = validateTopology(exampleVariant((t) => { t.organization = { id: 'o-a1b2c3d4e5' }; }), 'test');
    expect(topology.organization).toEqual({ id: 'o-a1b2c3d4e5' });
  });
});

describe('fails when', () => {
  test('the organization id is malformed', () => {
    expectProblem((t) => { t.organization = { id: 'org-123' }; }, 'organization.id', /is not an AWS Organization id/);
  });

  test('the DX gateway ASN is public', () => {
    expectProblem((t) => { dx(t).gatewayAsn = 7224; }, 'environments[2].network.directConnect.gatewayAsn', /is not a private ASN/);
  });

  test('the DX gateway ASN equals the Transit Gateway ASN', () => {
    expectProblem((t) => { dx(t).gatewayAsn = 64532; }, 'environments[2].network.directConnect.gatewayAsn', /equals the Transit Gateway ASN/);
  });

  test('the customer ASN equals an Amazon-side ASN', () => {
    expectProblem((t) => { dx(t).customerAsn = 64600; }, 'environments[2].network.directConnect.customerAsn', /equals the Direct Connect gateway ASN/);
    expectProblem((t) => { dx(t).customerAsn = 64532; }, 'environments[2].network.directConnect.customerAsn', /equals the Transit Gateway ASN/);
  });

  test('the customer ASN is out of range', () => {
    expectProblem((t) => { dx(t).customerAsn = 0; }, 'environments[2].network.directConnect.customerAsn', /is below 1/);
  });

  test('the VLAN is out of range', () => {
    expectProblem((t) => { dx(t).vlan = 4095; }, 'environments[2].network.directConnect.vlan', /is above 4094/);
    expectProblem((t) => { dx(t).vlan = 0; }, 'environments[2].network.directConnect.vlan', /is below 1/);
  });

  test('two environments use the same VLAN of one connection', () => {
    expectProblem((t) => { t.environments[1].network.directConnect = { ...dx(t), allowedPrefixes: ['10.20.0.0/16'] }; }, 'environments[2].network.directConnect.vlan', /VLAN 301 of dxcon-ffexampl is already used at environments\[1\]/);
  });

  test('the connection id is malformed', () => {
    expectProblem((t) => { dx(t).connectionId = 'dx-123'; }, 'environments[2].network.directConnect.connectionId', /is not a Direct Connect connection id/);
  });

  test('an allowed prefix is not a CIDR block', () => {
    expectProblem((t) => { dx(t).allowedPrefixes = ['10.30.0.0/33']; }, 'environments[2].network.directConnect.allowedPrefixes[0]', /prefix length above 32/);
    expectProblem((t) => { dx(t).allowedPrefixes = ['10.30.0.1/16']; }, 'environments[2].network.directConnect.allowedPrefixes[0]', /host bits set/);
  });

  test('no allowed prefix is given, or more than a TGW association takes', () => {
    expectProblem((t) => { dx(t).allowedPrefixes = []; }, 'environments[2].network.directConnect.allowedPrefixes', /is empty/);
    expectProblem((t) => { dx(t).allowedPrefixes = Array.from({ length: 21 }, (_, i) => `10.30.${i}.0/24`); }, 'environments[2].network.directConnect.allowedPrefixes', /more than 20 prefixes/);
  });

  test('the allowed prefixes do not cover the workload VPC', () => {
    expectProblem((t) => { dx(t).allowedPrefixes = ['10.30.0.0/17']; }, 'environments[2].network.directConnect.allowedPrefixes', /no prefix covers the workload VPC \(10\.30\.0\.0\/16\)/);
  });

  test('the allowed prefixes advertise the SaaS bridge while segmentation keeps it from on-premise', () => {
    expectProblem((t) => { dx(t).allowedPrefixes = ['10.30.0.0/16', '10.31.0.0/20']; }, 'environments[2].network.directConnect.allowedPrefixes[1]', /advertises the SaaS bridge VPC/);
  });

  test('segmentation lets the SaaS bridge reach on-premise but no prefix advertises it', () => {
    expectProblem((t) => { prod(t).network.segmentation = { saasBridgeToOnPremise: true }; }, 'environments[2].network.directConnect.allowedPrefixes', /no prefix covers the SaaS bridge VPC/);
    expect(problemsOf((t) => { prod(t).network.segmentation = { saasBridgeToOnPremise: true }; dx(t).allowedPrefixes = ['10.30.0.0/16', '10.31.0.0/20']; })).toEqual([]);
  });

  test('an allowed prefix is an on-premise range', () => {
    expectProblem((t) => { dx(t).allowedPrefixes = ['10.30.0.0/16', '172.16.0.0/12']; }, 'environments[2].network.directConnect.allowedPrefixes[1]', /overlaps the on-premise range 172\.16\.0\.0\/16/);
  });

  test('Direct Connect is configured without on-premise ranges', () => {
    expectProblem((t) => { t.onPremiseCidrs = []; }, 'onPremiseCidrs', /no on-premise range is listed/);
  });

  test('the BGP peer addresses are not two hosts of one peering subnet', () => {
    expectProblem((t) => { dx(t).customerAddress = '169.254.101.2/30'; }, 'environments[2].network.directConnect.customerAddress', /is not in the peering subnet/);
    expectProblem((t) => { dx(t).customerAddress = '169.254.100.1/30'; }, 'environments[2].network.directConnect.customerAddress', /equals amazonAddress/);
    expectProblem((t) => { dx(t).amazonAddress = '169.254.100.0/30'; }, 'environments[2].network.directConnect.amazonAddress', /network or broadcast address/);
    expectProblem((t) => { dx(t).amazonAddress = '169.254.100.1'; }, 'environments[2].network.directConnect.amazonAddress', /is not a BGP peer address/);
  });

  test('the MTU is not one a transit VIF accepts', () => {
    expectProblem((t) => { (dx(t) as { mtu?: number }).mtu = 9001; }, 'environments[2].network.directConnect.mtu', /is not an MTU/);
  });

  test('attachments are not accepted automatically (auto-accept is the default)', () => {
    expect(validateTopology(exampleVariant((t) => { delete prod(t).network.transitGateway.autoAcceptSharedAttachments; }), 'test').environments[2].network.transitGateway.autoAcceptSharedAttachments).toBe(true);
    expectProblem((t) => { prod(t).network.transitGateway.autoAcceptSharedAttachments = false; }, 'environments[2].network.transitGateway.autoAcceptSharedAttachments', /manual acceptance/);
  });

  test('a spoke is in another region than the hub', () => {
    expectProblem((t) => { prod(t).accounts.workload.region = 'us-west-2'; }, 'environments[2].accounts.workload.region', /differs from the network hub's region \(us-east-1\)/);
  });

  test('the Transit Gateway flow log retention is not a CloudWatch Logs value', () => {
    expectProblem((t) => { prod(t).network.flowLogRetentionDays = 42; }, 'environments[2].network.flowLogRetentionDays', /is not an allowed log retention \(CloudWatch Logs values of at least one year\)/);
  });

  test('the segmentation section has an unknown key', () => {
    expectProblem((t) => { (prod(t).network as Record<string, unknown>).segmentation = { saasBridgeToOnPrem: true }; }, 'environments[2].network.segmentation.saasBridgeToOnPrem', /unknown key/);
  });
});

describe('audit settings', () => {
  test('default to a six-year compliance-mode archive, trail data events, alerts without subscribers and AWS Config', () => {
    const topology = validateTopology(exampleVariant((t) => { t.environments[1].audit = {}; }), 'test');
    expect(topology.environments[1].audit).toEqual({
      archive: { retentionDays: 2190, objectLockMode: 'COMPLIANCE', infrequentAccessAfterDays: 90, glacierAfterDays: 365 },
      trail: { logRetentionDays: 365, researchDataEvents: 'all' },
      alerts: { emails: [] },
      config: { enabled: true, rules: true },
    });
  });

  test.each([
    [0, /is below 1/],
    [36501, /is above 36500/],
    [1.5, /must be a whole number/],
  ])('fail when the archive retention is %p', (days, problem) => {
    expectProblem((t) => { prod(t).audit = { archive: { retentionDays: days } }; }, 'environments[2].audit.archive.retentionDays', problem);
  });

  test('fail when the Object Lock mode is unknown', () => {
    expectProblem((t) => { prod(t).audit = { archive: { objectLockMode: 'LEGAL_HOLD' as 'COMPLIANCE' } }; }, 'environments[2].audit.archive.objectLockMode', /is not an Object Lock mode/);
  });

  test('fail when Glacier comes before Standard-IA', () => {
    expectProblem((t) => { prod(t).audit = { archive: { infrequentAccessAfterDays: 400, glacierAfterDays: 365 } }; }, 'environments[2].audit.archive.glacierAfterDays', /is not after infrequentAccessAfterDays \(400\)/);
  });

  test('fail when the trail log retention is not a CloudWatch Logs value', () => {
    expectProblem((t) => { prod(t).audit = { trail: { logRetentionDays: 100 } }; }, 'environments[2].audit.trail.logRetentionDays', /is not an allowed log retention \(CloudWatch Logs values of at least one year\)/);
  });

  test('fail when an alert address is not an e-mail address', () => {
    expectProblem((t) => { prod(t).audit = { alerts: { emails: ['security-team'] } }; }, 'environments[2].audit.alerts.emails[0]', /is not an e-mail address/);
  });

  test('fail when the research-data bucket is given as an ARN', () => {
    expectProblem((t) => { prod(t).audit = { trail: { researchDataBucketName: 'arn:aws:s3:::research' } }; }, 'environments[2].audit.trail.researchDataBucketName', /is not an S3 bucket name/);
  });
});
