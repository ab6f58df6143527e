import { Match } from 'aws-cdk-lib/assertions';
import { ACCOUNT_ROLES, EXAMPLE_TOPOLOGY } from '../accounts';
import { exampleIndex, exampleTemplate, expectNoUnacknowledgedFindings } from './support/example';

const envNames = EXAMPLE_TOPOLOGY.environments.map((e) => e.name);

describe('the example app', () => {
  test('synthesizes every environment with all validators and passes', () => {
    expect(exampleIndex().passed).toBe(true);
    expect(exampleIndex().environments.map((e) => e.name)).toEqual(['dev', 'staging', 'prod']);
  });

  test.each(envNames.flatMap((env) => ACCOUNT_ROLES.map((role) => [env, role] as const)))('%s %s has zero unacknowledged findings', (env, role) => {
    expectNoUnacknowledgedFindings(env, role);
  });

  test('every acknowledgement is qualified and has a reason', () => {
    for (const ack of exampleIndex().results.acknowledged) {
      expect(ack.reason?.length ?? 0).toBeGreaterThanOrEqual(20);
    }
  });
});

describe('audit stage', () => {
  const template = exampleTemplate('dev', 'audit');

  test('the log archive has Object Lock in compliance mode for six years, versioning and KMS', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2190 } } },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) })] },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'log-archive/' }),
    });
  });

  test('buckets and the key are retained when removed from the template', () => {
    for (const type of ['AWS::S3::Bucket', 'AWS::KMS::Key']) {
      for (const resource of Object.values(template.findResources(type))) {
        expect(resource).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      }
    }
  });

  test('the archive key rotates', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });
});

describe('network hub stage', () => {
  test('the Transit Gateway has default association and propagation off and the topology ASN', () => {
    exampleTemplate('prod', 'networkHub').hasResourceProperties('AWS::EC2::TransitGateway', {
      AmazonSideAsn: 64532,
      AutoAcceptSharedAttachments: 'enable',
      DefaultRouteTableAssociation: 'disable',
      DefaultRouteTablePropagation: 'disable',
      DnsSupport: 'enable',
    });
  });
});

describe.each(['workload', 'saasBridge'] as const)('%s VPC', (role) => {
  const template = exampleTemplate('staging', role);

  test('has no internet gateway and no NAT', () => {
    template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::VPCGatewayAttachment', 0);
  });

  test('uses the topology CIDR', () => {
    const cidr = role === 'workload' ? '10.20.0.0/16' : '10.21.0.0/20';
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: cidr });
  });

  test('records all traffic in an encrypted flow log group with retention', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: Match.anyValue(), RetentionInDays: 365 });
  });
});
