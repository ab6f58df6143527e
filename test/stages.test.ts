import { Match } from 'aws-cdk-lib/assertions';
import { ACCOUNT_ROLES, EXAMPLE_TOPOLOGY } from '../accounts';
import { exampleIndex, exampleTemplate, expectNoUnacknowledgedFindings } from './support/example';

const envNames = EXAMPLE_TOPOLOGY.environments.map((e) => e.name);

describe('the example app', () => {
  test('synthesizes every environment with all validators and passes', () => {
    expect(exampleIndex().passed).toBe(true);
    expect(exampleIndex().missingContext).toEqual([]);
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

  test('the Lambda function that closes the default security group logs into an encrypted log group with retention', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThan(0);
    const groups = template.findResources('AWS::Logs::LogGroup');
    for (const fn of functions) {
      const ref = fn.Properties.LoggingConfig?.LogGroup?.Ref;
      expect(groups[ref]?.Properties).toMatchObject({ KmsKeyId: expect.anything(), RetentionInDays: expect.any(Number) });
      expect(groups[ref]).toMatchObject({ DeletionPolicy: 'Retain' });
    }
  });

  test('records all traffic in an encrypted flow log group with retention', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: Match.anyValue(), RetentionInDays: 365 });
  });
});

describe('spokes join the hub', () => {
  test('the workload VPC attaches in its transit subnets and routes on-premise and the bridge through the Transit Gateway', () => {
    const template = exampleTemplate('prod', 'workload');
    const attachment = Object.values(template.findResources('AWS::EC2::TransitGatewayVpcAttachment'));
    expect(attachment).toHaveLength(1);
    expect(attachment[0].Properties.SubnetIds).toHaveLength(3);
    expect(JSON.stringify(attachment[0].Properties.SubnetIds)).toMatch(/transitSubnet/);
    const tgwRoutes = Object.values(template.findResources('AWS::EC2::Route')).map((r) => r.Properties).filter((r) => r.TransitGatewayId);
    const byDestination = new Map<string, number>();
    for (const r of tgwRoutes) byDestination.set(r.DestinationCidrBlock, (byDestination.get(r.DestinationCidrBlock) ?? 0) + 1);
    // compute, eks and data subnets in three zones: nine route tables, each with every destination.
    expect(Object.fromEntries(byDestination)).toEqual({ '172.16.0.0/16': 9, '172.17.0.0/16': 9, '10.31.0.0/20': 9 });
    expect(JSON.stringify(tgwRoutes)).not.toMatch(/transitSubnet/);
  });

  test('the SaaS bridge routes only the workload VPC through the Transit Gateway (no on-premise by default)', () => {
    const template = exampleTemplate('prod', 'saasBridge');
    const destinations = Object.values(template.findResources('AWS::EC2::Route')).map((r) => r.Properties).filter((r) => r.TransitGatewayId).map((r) => r.DestinationCidrBlock);
    expect([...new Set(destinations)]).toEqual(['10.30.0.0/16']);
  });

  test.each(['workload', 'saasBridge'] as const)('the %s account records its API activity into the audit archive', (role) => {
    exampleTemplate('prod', role).hasResourceProperties('AWS::CloudTrail::Trail', {
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      S3BucketName: Match.stringLikeRegexp('^paradigm-prod-'),
      KMSKeyId: Match.stringLikeRegexp(':333333333301:alias/'),
    });
  });
});

describe('permissions boundary', () => {
  test.each(envNames.flatMap((env) => ACCOUNT_ROLES.map((role) => [env, role] as const)))('every role of %s %s carries the account\'s boundary', (env, role) => {
    const roles = Object.entries(exampleTemplate(env, role).findResources('AWS::IAM::Role'));
    expect(roles.length).toBeGreaterThan(0);
    for (const [id, r] of roles) {
      const account = EXAMPLE_TOPOLOGY.environments.find((e) => e.name === env)!.accounts[role].accountId;
      expect([id, r.Properties.PermissionsBoundary]).toEqual([id, `arn:aws:iam::${account}:policy/paradigm-permissions-boundary`]);
    }
  });
});
