import { App, Stack, type StackProps } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { validateTopology } from '../accounts';
import { HIPAA_CONFIG_RULES } from '../stages/audit';
import { AccountTrail, SECURITY_EVENTS } from '../stages/common';
import { exampleTemplate, expectNoUnacknowledgedFindings } from './support/example';
import { exampleVariant, variantApp, variantTemplate } from './support/variant-app';

const DEV_TRAILS = ['01', '02', '03', '04'].map((n) => `arn:aws:cloudtrail:us-east-1:1111111111${n}:trail/paradigm-dev-trail`);

/** The statements of the only resource of `type` whose properties match `props`. */
function statementsOf(template: Template, type: string, path: 'KeyPolicy' | 'PolicyDocument', props: Record<string, unknown> = {}): any[] {
  const found = Object.values(template.findResources(type, { Properties: props }));
  expect(found).toHaveLength(1);
  return (found[0] as any).Properties[path].Statement;
}

describe('audit stage of the example', () => {
  const dev = exampleTemplate('dev', 'audit');
  const prod = exampleTemplate('prod', 'audit');

  test.each(['dev', 'staging', 'prod'])('%s passes every validator with zero unacknowledged findings', (env) => {
    expectNoUnacknowledgedFindings(env, 'audit');
  });

  test('the archive locks objects with the mode and retention of the topology', () => {
    prod.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'paradigm-prod-logs-333333333301',
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2190 } } },
    });
    dev.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'paradigm-dev-logs-111111111101',
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2190 } } },
    });
  });

  test('the archive is versioned, private, owner-enforced, KMS-encrypted, logged and tiered to colder storage', () => {
    prod.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'paradigm-prod-logs-333333333301',
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() } }] },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'log-archive/' },
      LifecycleConfiguration: {
        Rules: [Match.objectLike({
          Status: 'Enabled',
          Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 90 }, { StorageClass: 'GLACIER', TransitionInDays: 365 }],
        })],
      },
    });
    prod.hasResourceProperties('AWS::S3::Bucket', { BucketName: 'paradigm-prod-access-logs-333333333301', BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } });
  });

  test('buckets, keys and log groups are retained', () => {
    for (const type of ['AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::Logs::LogGroup']) {
      const resources = Object.values(prod.findResources(type));
      expect(resources.length).toBeGreaterThan(0);
      for (const resource of resources) expect(resource).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
  });

  test('the archive accepts TLS only and CloudTrail only from the environment\'s trails, into their own prefixes', () => {
    const statements = statementsOf(dev, 'AWS::S3::BucketPolicy', 'PolicyDocument', { Bucket: { Ref: Match.stringLikeRegexp('LogArchiveBucket') } });
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    const write = statements.find((s) => s.Sid === 'CloudTrailWrite');
    expect(write.Condition.StringEquals['aws:SourceArn']).toEqual(DEV_TRAILS);
    expect(write.Resource.map((r: any) => r['Fn::Join'][1][1])).toEqual(['01', '02', '03', '04'].map((n) => `/AWSLogs/1111111111${n}/*`));
    expect(statements.find((s) => s.Sid === 'CloudTrailAclCheck').Condition).toEqual({ StringEquals: { 'aws:SourceArn': DEV_TRAILS } });
    const configWrite = statements.find((s) => s.Sid === 'ConfigWrite');
    expect(configWrite.Resource['Fn::Join'][1][1]).toBe('/AWSConfig/AWSLogs/111111111101/Config/*');
    expect(statements.filter((s) => s.Effect === 'Allow').map((s) => s.Principal.Service).sort()).toEqual(['cloudtrail.amazonaws.com', 'cloudtrail.amazonaws.com', 'config.amazonaws.com', 'config.amazonaws.com']);
  });

  test('the archive key rotates and grants exactly CloudTrail, CloudWatch Logs for the trail group and AWS Config', () => {
    dev.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true, Description: Match.stringLikeRegexp('log archive') });
    const statements = statementsOf(dev, 'AWS::KMS::Key', 'KeyPolicy', { Description: Match.stringLikeRegexp('log archive') });
    // Allows only; the one Deny (no grants except through AWS services) comes with every platform key.
    expect(statements.filter((s) => s.Effect === 'Deny').map((s) => s.Action)).toEqual(['kms:CreateGrant']);
    expect(statements.filter((s) => s.Effect === 'Allow').map((s) => s.Principal.Service ?? s.Principal.AWS)).toEqual([
      'arn:aws:iam::111111111101:root', 'cloudtrail.amazonaws.com', 'cloudtrail.amazonaws.com', 'config.amazonaws.com', 'logs.us-east-1.amazonaws.com',
    ]);
    const trail = statements.find((s) => s.Sid === 'CloudTrailEncryptLogFiles');
    expect(trail.Action).toBe('kms:GenerateDataKey*');
    expect(trail.Condition.StringEquals['aws:SourceArn']).toEqual(DEV_TRAILS);
    expect(trail.Condition.StringLike['kms:EncryptionContext:aws:cloudtrail:arn']).toHaveLength(4);
    expect(statements.find((s) => s.Sid === 'ConfigEncryptDelivery').Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '111111111101' } });
    expect(statements.find((s) => s.Sid === 'AllowCloudWatchLogsForTheTrailLogGroup').Condition).toEqual({
      ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:us-east-1:111111111101:log-group:/paradigm/dev/cloudtrail' },
    });
  });

  test('the trail is multi-region, validated, KMS-encrypted and sent to CloudWatch Logs with the topology retention', () => {
    dev.hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: 'paradigm-dev-trail',
      IsLogging: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      IsOrganizationTrail: false,
      KMSKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('ArchiveKey'), 'Arn'] },
      S3BucketName: { Ref: Match.stringLikeRegexp('LogArchiveBucket') },
      CloudWatchLogsLogGroupArn: Match.anyValue(),
      CloudWatchLogsRoleArn: Match.anyValue(),
    });
    dev.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/paradigm/dev/cloudtrail', RetentionInDays: 365, KmsKeyId: Match.anyValue() });
    prod.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/paradigm/prod/cloudtrail', RetentionInDays: 365 });
  });

  test('without an organization, the audit trail records no data events (the workload account\'s own trail does)', () => {
    expect(Object.values(dev.findResources('AWS::CloudTrail::Trail'))[0]).not.toHaveProperty('Properties.AdvancedEventSelectors');
  });

  test('every security event has a metric filter and an alarm that notifies the encrypted topic', () => {
    const names = Object.keys(SECURITY_EVENTS);
    expect(names).toEqual(expect.arrayContaining(['RootUsage', 'UnauthorizedApiCalls', 'ConsoleSignInWithoutMfa', 'IamPolicyChanges', 'CloudTrailChanges', 'KmsKeyDisabledOrDeleted', 'SecurityGroupChanges', 'NetworkAclChanges', 'RouteTableChanges', 'TransitGatewayChanges']));
    prod.resourceCountIs('AWS::Logs::MetricFilter', names.length);
    prod.resourceCountIs('AWS::CloudWatch::Alarm', names.length);
    for (const name of names) {
      prod.hasResourceProperties('AWS::Logs::MetricFilter', { FilterPattern: SECURITY_EVENTS[name].pattern, MetricTransformations: [{ MetricName: name, MetricNamespace: 'Paradigm/prod/Security', MetricValue: '1' }] });
      prod.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: `paradigm-prod-${name}`, MetricName: name, Threshold: 1, AlarmActions: [{ Ref: Match.stringLikeRegexp('SecurityAlertsTopic') }] });
    }
    expect(SECURITY_EVENTS.RootUsage.pattern).toContain('$.userIdentity.type = "Root"');
    expect(SECURITY_EVENTS.ConsoleSignInWithoutMfa.pattern).toContain('$.additionalEventData.MFAUsed != "Yes"');
    expect(SECURITY_EVENTS.KmsKeyDisabledOrDeleted.pattern).toContain('ScheduleKeyDeletion');
  });

  test('the alert topic is KMS-encrypted, TLS-only and subscribed by the topology\'s addresses', () => {
    prod.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'paradigm-prod-security-alerts', KmsMasterKeyId: Match.anyValue() });
    const topicPolicy = statementsOf(prod, 'AWS::SNS::TopicPolicy', 'PolicyDocument');
    expect(topicPolicy).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    prod.resourceCountIs('AWS::SNS::Subscription', 2);
    prod.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'security-officers@example.com' });
    dev.resourceCountIs('AWS::SNS::Subscription', 1);
  });

  test('AWS Config evaluates the HIPAA-style managed rules once it records', () => {
    prod.resourceCountIs('AWS::Config::ConfigRule', HIPAA_CONFIG_RULES.length);
    expect(HIPAA_CONFIG_RULES).toEqual(expect.arrayContaining(['CLOUD_TRAIL_ENABLED', 'S3_BUCKET_SSL_REQUESTS_ONLY', 'CMK_BACKING_KEY_ROTATION_ENABLED', 'ROOT_ACCOUNT_MFA_ENABLED']));
    for (const [id, rule] of Object.entries(prod.findResources('AWS::Config::ConfigRule'))) {
      expect(rule).toMatchObject({ Properties: { Source: { Owner: 'AWS' } }, DependsOn: [expect.stringMatching(/^ConfigRecorder/)] });
      expect(id).toMatch(/^Config/);
    }
    prod.hasResourceProperties('AWS::Config::ConfigRule', { ConfigRuleName: 'paradigm-prod-cloud-trail-enabled', Source: { Owner: 'AWS', SourceIdentifier: 'CLOUD_TRAIL_ENABLED' } });
  });

  test('AWS Config records everything and delivers into the archive with the archive key', () => {
    prod.hasResourceProperties('AWS::Config::ConfigurationRecorder', { RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true } });
    prod.hasResourceProperties('AWS::Config::DeliveryChannel', {
      S3BucketName: { Ref: Match.stringLikeRegexp('LogArchiveBucket') },
      S3KmsKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ArchiveKey'), 'Arn'] },
    });
  });
});

describe('audit stage variants', () => {
  const app = variantApp((t) => {
    t.organization = { id: 'o-a1b2c3d4e5' };
    t.environments[1].audit = {
      archive: { retentionDays: 400, objectLockMode: 'GOVERNANCE', infrequentAccessAfterDays: 30, glacierAfterDays: 180 },
      config: { enabled: false },
      trail: { researchDataEvents: 'none' },
    };
  });
  const dev = variantTemplate(app, 'dev', 'audit');
  const staging = variantTemplate(app, 'staging', 'audit');

  test('with an organization, the audit account runs an organization trail that records research data writes', () => {
    dev.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsOrganizationTrail: true,
      AdvancedEventSelectors: [
        { Name: 'All management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
        {
          Name: 'Research data object events',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::paradigm-dev-research-data-111111111103/'] },
            { Field: 'readOnly', Equals: ['false'] },
          ],
        },
      ],
    });
  });

  test('with an organization, the archive accepts the organization trail only, under the organization prefix', () => {
    const statements = statementsOf(dev, 'AWS::S3::BucketPolicy', 'PolicyDocument', { Bucket: { Ref: Match.stringLikeRegexp('LogArchiveBucket') } });
    const write = statements.find((s) => s.Sid === 'CloudTrailWrite');
    expect(write.Condition.StringEquals['aws:SourceArn']).toEqual(['arn:aws:cloudtrail:us-east-1:111111111101:trail/paradigm-dev-trail']);
    expect(write.Resource.map((r: any) => r['Fn::Join'][1][1])).toEqual(['/AWSLogs/111111111101/*', '/AWSLogs/o-a1b2c3d4e5/*']);
  });

  test('with an organization, the other accounts get no trail of their own', () => {
    variantTemplate(app, 'dev', 'networkHub').resourceCountIs('AWS::CloudTrail::Trail', 0);
  });

  test('AWS Config can be turned off, and then has no access to the archive or its key', () => {
    staging.resourceCountIs('AWS::Config::ConfigurationRecorder', 0);
    staging.resourceCountIs('AWS::Config::DeliveryChannel', 0);
    staging.resourceCountIs('AWS::Config::ConfigRule', 0);
    const policy = statementsOf(staging, 'AWS::S3::BucketPolicy', 'PolicyDocument', { Bucket: { Ref: Match.stringLikeRegexp('LogArchiveBucket') } });
    expect(JSON.stringify(policy)).not.toContain('config.amazonaws.com');
    const key = statementsOf(staging, 'AWS::KMS::Key', 'KeyPolicy', { Description: Match.stringLikeRegexp('log archive') });
    expect(JSON.stringify(key)).not.toContain('config.amazonaws.com');
  });

  test('the archive takes Object Lock mode, retention and tiering from the topology', () => {
    staging.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'paradigm-staging-logs-222222222201',
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 400 } } },
      LifecycleConfiguration: { Rules: [Match.objectLike({ Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }, { StorageClass: 'GLACIER', TransitionInDays: 180 }] })] },
    });
    staging.hasResourceProperties('AWS::S3::Bucket', { BucketName: 'paradigm-staging-access-logs-222222222201', LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 400 })] } });
  });

  test('research data events can be turned off', () => {
    expect(Object.values(staging.findResources('AWS::CloudTrail::Trail'))[0]).not.toHaveProperty('Properties.AdvancedEventSelectors');
  });
});

/** A stack in `account` of an app with the platform's feature flags (concrete partition in ARNs). */
function spokeStack(id: string, props: StackProps): Stack {
  return new Stack(new App({ context: CURRENTLY_RECOMMENDED_FLAGS }), id, props);
}

describe('AccountTrail', () => {
  const topology = validateTopology(exampleVariant(), 'test');
  const prod = topology.environments[2];

  test('in a workload account, delivers across accounts into the archive and records research data events', () => {
    const stack = spokeStack('Workload', { env: { account: '333333333303', region: 'us-east-1' } });
    const trail = AccountTrail.forAccount(stack, 'Trail', topology, prod, 'workload');
    expect(trail).toBeDefined();
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: 'paradigm-prod-trail',
      S3BucketName: 'paradigm-prod-logs-333333333301',
      KMSKeyId: 'arn:aws:kms:us-east-1:333333333301:alias/paradigm/prod/log-archive',
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      IsOrganizationTrail: false,
      AdvancedEventSelectors: Match.arrayWith([Match.objectLike({ FieldSelectors: Match.arrayWith([{ Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::paradigm-prod-research-data-333333333303/'] }]) })]),
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/paradigm/prod/cloudtrail', RetentionInDays: 365, KmsKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'cloudtrail.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceArn': Match.anyValue() } } })] },
    });
    template.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('in another account, alarms on that account\'s security events and notifies the topology\'s addresses', () => {
    const stack = spokeStack('Hub', { env: { account: '333333333302', region: 'us-east-1' } });
    AccountTrail.forAccount(stack, 'Trail', topology, prod, 'networkHub');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::CloudWatch::Alarm', Object.keys(SECURITY_EVENTS).length);
    template.hasResourceProperties('AWS::Logs::MetricFilter', { FilterPattern: SECURITY_EVENTS.RootUsage.pattern, LogGroupName: { Ref: Match.stringLikeRegexp('TrailLogGroup') } });
    template.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'paradigm-prod-security-alerts', KmsMasterKeyId: Match.anyValue() });
    template.resourceCountIs('AWS::SNS::Subscription', 2);
  });

  test('in another account, records no data events', () => {
    const stack = spokeStack('Bridge', { env: { account: '333333333304', region: 'us-east-1' } });
    AccountTrail.forAccount(stack, 'Trail', topology, prod, 'saasBridge');
    expect(Object.values(Template.fromStack(stack).findResources('AWS::CloudTrail::Trail'))[0]).not.toHaveProperty('Properties.AdvancedEventSelectors');
  });

  test('is not created when the organization trail records every account', () => {
    const withOrg = validateTopology(exampleVariant((t) => { t.organization = { id: 'o-a1b2c3d4e5' }; }), 'test');
    const stack = spokeStack('Workload', { env: { account: '333333333303', region: 'us-east-1' } });
    expect(AccountTrail.forAccount(stack, 'Trail', withOrg, withOrg.environments[2], 'workload')).toBeUndefined();
  });
});

describe('deliverability of Config and alarms', () => {
  const template = exampleTemplate('prod', 'audit');

  test('AWS Config delivers under its prefix with the recorder role, after the recorder exists', () => {
    const channels = template.findResources('AWS::Config::DeliveryChannel');
    const [channel] = Object.values(channels);
    expect(channel.Properties.S3KeyPrefix).toBe('AWSConfig');
    const recorder = Object.keys(template.findResources('AWS::Config::ConfigurationRecorder'))[0];
    expect(channel.DependsOn).toEqual(expect.arrayContaining([recorder]));
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: 's3:PutObject',
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^LogArchiveBucket'), 'Arn'] }, '/AWSConfig/AWSLogs/333333333301/Config/*']] },
        })]),
      },
    });
  });

  test('the Config recorder role trusts AWS Config of this account only', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({
          Principal: { Service: 'config.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': '333333333301' } },
        })],
      },
    });
  });

  test.each(['audit', 'workload'] as const)('CloudWatch alarms of the %s account may publish to the security alert topic', (role) => {
    exampleTemplate('prod', role).hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'AllowCloudWatchAlarmsOfThisAccountToPublish',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
        })]),
      },
    });
  });
});
