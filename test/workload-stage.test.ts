/** The workload ("Customer VPC") stage of the example, as synthesized once with every validator. */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { exampleResults, exampleTemplate, expectNoUnacknowledgedFindings } from './support/example';

const dev = exampleTemplate('dev', 'workload');
const prod = exampleTemplate('prod', 'workload');
const both: [string, Template][] = [['dev', dev], ['prod', prod]];

type Resource = { Properties: any; DeletionPolicy?: string; UpdateReplacePolicy?: string; DependsOn?: string[] };
const resources = (t: Template, type: string) => Object.values(t.findResources(type)) as Resource[];

describe('validators', () => {
  test.each(['dev', 'staging', 'prod'])('%s workload has zero unacknowledged findings', (env) => {
    expectNoUnacknowledgedFindings(env, 'workload');
  });

  test('every acknowledgement names its pack and gives a specific reason', () => {
    const { acknowledged } = exampleResults('dev', 'workload');
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const ack of acknowledged) {
      expect(ack.reason?.length ?? 0).toBeGreaterThanOrEqual(40);
      expect(ack.reason).not.toMatch(/^(n\/a|ok|not needed|false positive)/i);
    }
  });
});

describe('network', () => {
  test.each(both)('%s has no internet gateway, NAT or egress-only gateway', (_env, t) => {
    for (const type of ['AWS::EC2::InternetGateway', 'AWS::EC2::NatGateway', 'AWS::EC2::VPCGatewayAttachment', 'AWS::EC2::EgressOnlyInternetGateway', 'AWS::EC2::EIP']) {
      t.resourceCountIs(type, 0);
    }
    for (const route of resources(t, 'AWS::EC2::Route')) {
      expect(route.Properties.DestinationCidrBlock).not.toBe('0.0.0.0/0');
    }
  });

  test.each(both)('%s: no security group allows ingress from 0.0.0.0/0 or ::/0', (_env, t) => {
    const open = (rule: any) => rule.CidrIp === '0.0.0.0/0' || rule.CidrIpv6 === '::/0';
    for (const sg of resources(t, 'AWS::EC2::SecurityGroup')) {
      expect((sg.Properties.SecurityGroupIngress ?? []).filter(open)).toEqual([]);
    }
    expect(resources(t, 'AWS::EC2::SecurityGroupIngress').map((r) => r.Properties).filter(open)).toEqual([]);
  });

  test('keeps the four subnet groups, including transit for the TGW attachment', () => {
    const names = resources(prod, 'AWS::EC2::Subnet').map((s) => s.Properties.Tags.find((tag: any) => tag.Key === 'aws-cdk:subnet-name').Value);
    expect(new Set(names)).toEqual(new Set(['compute', 'eks', 'data', 'transit']));
    expect(names).toHaveLength(12);
    prod.hasResourceProperties('AWS::EC2::Subnet', { CidrBlock: Match.stringLikeRegexp('/28$'), Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-name', Value: 'transit' }]) });
  });

  test('S3 and DynamoDB gateway endpoints serve every route table', () => {
    for (const service of ['s3', 'dynamodb']) {
      const [endpoint] = resources(dev, 'AWS::EC2::VPCEndpoint').filter((e) => e.Properties.VpcEndpointType === 'Gateway' && JSON.stringify(e.Properties.ServiceName).includes(`.${service}`));
      expect(endpoint.Properties.RouteTableIds).toHaveLength(12);
    }
  });

  test('interface endpoints with private DNS for ECR, STS, CloudWatch, SSM, KMS, Secrets Manager, EKS, EC2, ELB and Auto Scaling', () => {
    const services = resources(dev, 'AWS::EC2::VPCEndpoint')
      .filter((e) => e.Properties.VpcEndpointType === 'Interface')
      .map((e) => {
        expect(e.Properties.PrivateDnsEnabled).toBe(true);
        expect(e.Properties.SubnetIds).toHaveLength(3);
        return String(e.Properties.ServiceName).replace(/^com\.amazonaws\.us-east-1\./, '');
      });
    expect(services.sort()).toEqual(['autoscaling', 'ec2', 'ec2messages', 'ecr.api', 'ecr.dkr', 'eks', 'eks-auth', 'elasticloadbalancing', 'kms', 'logs', 'monitoring', 'secretsmanager', 'ssm', 'ssmmessages', 'sts'].sort());
  });

  test('the endpoint security group accepts only HTTPS from the VPC range and sends nothing', () => {
    dev.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^Interface endpoints'),
      SecurityGroupIngress: [{ CidrIp: '10.10.0.0/16', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: Match.anyValue() }],
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32' })],
    });
  });

  test('flow logs keep the topology retention', () => {
    prod.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/paradigm/paradigm-prod-workload/flow-logs', RetentionInDays: 2192 });
  });
});

describe('stateful resources are never lost by a deploy', () => {
  const RETAINED = ['AWS::KMS::Key', 'AWS::S3::Bucket', 'AWS::Logs::LogGroup', 'AWS::Backup::BackupVault'];
  const SNAPSHOTTED = ['AWS::RDS::DBInstance', 'AWS::Redshift::Cluster'];

  test.each(both)('%s: keys, buckets, log groups and the vault are retained', (_env, t) => {
    for (const type of RETAINED) {
      const found = resources(t, type);
      expect(found.length).toBeGreaterThan(0);
      for (const r of found) expect(r).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
  });

  test.each(both)('%s: the databases take a final snapshot', (_env, t) => {
    for (const type of SNAPSHOTTED) {
      const found = resources(t, type);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' });
    }
  });

  test.each(both)('%s: no stateful resource type is left with the default delete policy', (_env, t) => {
    const stateful = [...RETAINED, ...SNAPSHOTTED, 'AWS::DynamoDB::Table', 'AWS::EFS::FileSystem', 'AWS::SecretsManager::Secret'];
    for (const type of stateful) {
      for (const r of resources(t, type)) expect(['Retain', 'Snapshot']).toContain(r.DeletionPolicy);
    }
  });
});

describe('KMS keys per data domain', () => {
  test('research data, databases, logs and EKS each have a rotating key (plus the flow log key)', () => {
    // The account trail's keys (alias/paradigm/<env>/…) and the SDK call logs key belong to shared constructs.
    const aliases = resources(dev, 'AWS::KMS::Alias').map((a) => a.Properties.AliasName).filter((a) => !a.startsWith('alias/paradigm/') && !a.endsWith('/sdk-call-logs')).sort();
    expect(aliases).toEqual([
      'alias/paradigm-dev-workload/databases',
      'alias/paradigm-dev-workload/eks',
      'alias/paradigm-dev-workload/flow-logs',
      'alias/paradigm-dev-workload/logs',
      'alias/paradigm-dev-workload/researchdata',
    ]);
    for (const key of resources(dev, 'AWS::KMS::Key')) expect(key.Properties).toMatchObject({ EnableKeyRotation: true, PendingWindowInDays: 30 });
  });

  test('CloudWatch Logs may use the logs key only for the named workload log groups', () => {
    const logsKey = resources(dev, 'AWS::KMS::Key').find((k) => k.Properties.Description.includes('log groups and alert topic'))!;
    const statement = logsKey.Properties.KeyPolicy.Statement.find((s: any) => s.Sid === 'AllowCloudWatchLogsForTheWorkloadLogGroupsOnly');
    expect(statement.Principal).toEqual({ Service: 'logs.us-east-1.amazonaws.com' });
    expect(statement.Condition.ArnEquals['kms:EncryptionContext:aws:logs:arn']).toEqual([
      'arn:aws:logs:us-east-1:111111111103:log-group:/aws/eks/paradigm-dev-eks/cluster',
      'arn:aws:logs:us-east-1:111111111103:log-group:/aws/containerinsights/paradigm-dev-eks/performance',
      'arn:aws:logs:us-east-1:111111111103:log-group:/aws/rds/instance/paradigm-dev-research/postgresql',
      'arn:aws:logs:us-east-1:111111111103:log-group:/aws/rds/instance/paradigm-dev-research/upgrade',
      'arn:aws:logs:us-east-1:111111111103:log-group:RDSOSMetrics',
      'arn:aws:logs:us-east-1:111111111103:log-group:/aws/redshift/cluster/paradigm-dev-analytics/connectionlog',
      'arn:aws:logs:us-east-1:111111111103:log-group:/aws/redshift/cluster/paradigm-dev-analytics/userlog',
      'arn:aws:logs:us-east-1:111111111103:log-group:/aws/redshift/cluster/paradigm-dev-analytics/useractivitylog',
    ]);
  });

  test('the Auto Scaling service role may use the volume keys only through a principal ARN condition in this account', () => {
    const volumeKeys = resources(dev, 'AWS::KMS::Key').filter((k) => /compute volumes|node volumes/.test(k.Properties.Description));
    expect(volumeKeys).toHaveLength(2);
    for (const key of volumeKeys) {
      const grant = key.Properties.KeyPolicy.Statement.find((s: any) => s.Sid === 'AllowAutoScalingServiceRoleToGrantForVolumes');
      expect(grant.Condition).toEqual({
        StringEquals: { 'kms:CallerAccount': '111111111103' },
        ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111103:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling' },
        Bool: { 'kms:GrantIsForAWSResource': 'true' },
      });
    }
  });

  test('every log group is KMS-encrypted with the topology retention', () => {
    // The account trail's and the SDK call function's log groups follow the audit settings (tested there).
    const groups = resources(prod, 'AWS::Logs::LogGroup').filter((g) => !/cloudtrail|sdk-calls/.test(g.Properties.LogGroupName));
    expect(groups).toHaveLength(10);
    for (const g of groups) {
      expect(g.Properties.RetentionInDays).toBe(2192);
      expect(g.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^(Keys(Logs)|Network(FlowLog))Key/), 'Arn'] });
    }
  });
});
