/** Services of the workload stage of the example: EC2 fleet, EKS, PostgreSQL, Redshift, S3, SNS, CloudWatch. */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { exampleTemplate } from './support/example';

const dev = exampleTemplate('dev', 'workload');
const prod = exampleTemplate('prod', 'workload');

type Resource = { Properties: any; DependsOn?: string[]; DeletionPolicy?: string };
const find = (t: Template, type: string, props: object = {}) => Object.entries(t.findResources(type, { Properties: props })) as [string, Resource][];
const only = (t: Template, type: string, props: object = {}) => {
  const found = find(t, type, props);
  expect(found).toHaveLength(1);
  return { id: found[0][0], ...found[0][1] };
};
const keyRef = (t: Template, description: RegExp) => {
  const [[id]] = find(t, 'AWS::KMS::Key').filter(([, k]) => description.test(k.Properties.Description));
  return { 'Fn::GetAtt': [id, 'Arn'] };
};
const subnetsOf = (t: Template, group: string) => find(t, 'AWS::EC2::Subnet')
  .filter(([, s]) => s.Properties.Tags.some((tag: any) => tag.Key === 'aws-cdk:subnet-name' && tag.Value === group))
  .map(([id]) => ({ Ref: id }));

describe('EC2 compute fleet', () => {
  const lt = only(dev, 'AWS::EC2::LaunchTemplate', { LaunchTemplateData: { InstanceType: Match.anyValue() } });

  test('launch template: IMDSv2 only, encrypted gp3 with the research data key, detailed monitoring, no key pair, no public IP', () => {
    const data = lt.Properties.LaunchTemplateData;
    expect(data.MetadataOptions).toEqual({ HttpTokens: 'required', HttpPutResponseHopLimit: 1 });
    expect(data.BlockDeviceMappings).toEqual([{ DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: true, Encrypted: true, KmsKeyId: keyRef(dev, /research data/), VolumeSize: 30, VolumeType: 'gp3' } }]);
    expect(data.Monitoring).toEqual({ Enabled: true });
    expect(data.KeyName).toBeUndefined();
    expect(data.NetworkInterfaces[0].AssociatePublicIpAddress).toBe(false);
    expect(data.InstanceType).toBe('t3.medium');
  });

  test('the image is the latest Amazon Linux 2023, resolved from the public SSM parameter at deploy time', () => {
    expect(lt.Properties.LaunchTemplateData.ImageId.Ref).toMatch(/al2023ami/);
    expect(dev.toJSON().Parameters[lt.Properties.LaunchTemplateData.ImageId.Ref]).toMatchObject({
      Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
      Default: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64',
    });
  });

  test('the instance role is managed by SSM and nothing else', () => {
    dev.hasResourceProperties('AWS::IAM::Role', {
      Description: Match.stringLikeRegexp('^Compute fleet'),
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'ec2.amazonaws.com' } })] },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonSSMManagedInstanceCore']] }],
    });
  });

  test('the group runs in the compute subnets with topology sizes, group metrics, notifications and CPU target tracking', () => {
    const asg = only(prod, 'AWS::AutoScaling::AutoScalingGroup');
    expect(asg.Properties).toMatchObject({ MinSize: '3', MaxSize: '9', VPCZoneIdentifier: subnetsOf(prod, 'compute') });
    expect(asg.Properties.DesiredCapacity).toBeUndefined();
    expect(asg.Properties.MetricsCollection).toEqual([{ Granularity: '1Minute' }]);
    expect(asg.Properties.NotificationConfigurations).toEqual([{
      TopicARN: { Ref: expect.stringMatching(/^AlertsTopic/) },
      NotificationTypes: expect.arrayContaining(['autoscaling:EC2_INSTANCE_LAUNCH_ERROR', 'autoscaling:EC2_INSTANCE_TERMINATE_ERROR']),
    }]);
    prod.hasResourceProperties('AWS::AutoScaling::ScalingPolicy', { PolicyType: 'TargetTrackingScaling', TargetTrackingConfiguration: Match.objectLike({ TargetValue: 60 }) });
    prod.hasResourceProperties('AWS::EC2::LaunchTemplate', { LaunchTemplateData: Match.objectLike({ InstanceType: 'm7i.xlarge' }) });
  });

  test('the compute security group accepts nothing inbound', () => {
    const sg = only(dev, 'AWS::EC2::SecurityGroup', { GroupDescription: Match.stringLikeRegexp('^Compute fleet') });
    expect(sg.Properties.SecurityGroupIngress).toBeUndefined();
    const inbound = find(dev, 'AWS::EC2::SecurityGroupIngress').filter(([, r]) => JSON.stringify(r.Properties.GroupId).includes(sg.id));
    expect(inbound).toEqual([]);
  });
});

describe('EKS', () => {
  test('private endpoint only, secrets encrypted with the EKS key, every control plane log type, eks subnets', () => {
    const cluster = only(prod, 'AWS::EKS::Cluster');
    expect(cluster.Properties).toMatchObject({
      Name: 'paradigm-prod-eks',
      Version: '1.34',
      ResourcesVpcConfig: { EndpointPrivateAccess: true, EndpointPublicAccess: false, SubnetIds: subnetsOf(prod, 'eks') },
      EncryptionConfig: [{ Provider: { KeyArn: keyRef(prod, /Kubernetes secrets/) }, Resources: ['secrets'] }],
      Logging: { ClusterLogging: { EnabledTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'].map((Type) => ({ Type })) } },
      AccessConfig: { AuthenticationMode: 'API', BootstrapClusterCreatorAdminPermissions: false },
    });
  });

  test('the control plane log group exists, encrypted, before the cluster', () => {
    const [[logId]] = find(prod, 'AWS::Logs::LogGroup', { LogGroupName: '/aws/eks/paradigm-prod-eks/cluster' });
    expect(only(prod, 'AWS::EKS::Cluster').DependsOn).toContain(logId);
  });

  test('no kubectl handler or other Lambda-backed resource comes with the cluster', () => {
    const lambdas = find(prod, 'AWS::Lambda::Function').map(([id]) => id);
    // The only functions are the default security group restrictor and the stack's one SDK call function
    // (Transit Gateway enrolment), neither of which belongs to the cluster.
    expect(lambdas.filter((id) => !id.startsWith('CustomVpcRestrictDefaultSG') && !id.startsWith('AWS679f53fac002430cb0da5b7982bd2287'))).toEqual([]);
    const custom = Object.entries(prod.toJSON().Resources).filter(([, r]: [string, any]) => r.Type.startsWith('Custom::') && r.Type !== 'Custom::VpcRestrictDefaultSG');
    expect(custom.map(([id]) => id).filter((id) => !id.startsWith('Transit'))).toEqual([]);
  });

  test('a managed node group in the eks subnets with topology sizes and an IMDSv2, encrypted launch template', () => {
    const ng = only(prod, 'AWS::EKS::Nodegroup');
    expect(ng.Properties).toMatchObject({
      AmiType: 'AL2023_x86_64_STANDARD',
      InstanceTypes: ['m7i.xlarge'],
      ScalingConfig: { MinSize: 3, DesiredSize: 3, MaxSize: 12 },
      Subnets: subnetsOf(prod, 'eks'),
    });
    expect(ng.Properties.RemoteAccess).toBeUndefined();
    const lt = only(prod, 'AWS::EC2::LaunchTemplate', { LaunchTemplateData: { BlockDeviceMappings: [{ Ebs: { KmsKeyId: keyRef(prod, /node volumes/) } }] } });
    expect(ng.Properties.LaunchTemplate.Id).toEqual({ Ref: lt.id });
    expect(lt.Properties.LaunchTemplateData).toMatchObject({ MetadataOptions: { HttpTokens: 'required' }, Monitoring: { Enabled: true } });
    expect(lt.Properties.LaunchTemplateData.BlockDeviceMappings[0].Ebs).toMatchObject({ Encrypted: true, VolumeSize: 100 });
  });

  test('admin access entries come from the topology', () => {
    const entry = only(prod, 'AWS::EKS::AccessEntry').Properties;
    expect(entry.PrincipalArn).toBe('arn:aws:iam::333333333303:role/paradigm-platform-admins');
    expect(entry.AccessPolicies).toHaveLength(1);
    expect(entry.AccessPolicies[0].AccessScope).toEqual({ Type: 'cluster' });
    expect(JSON.stringify(entry.AccessPolicies[0].PolicyArn)).toContain(':eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy');
    dev.resourceCountIs('AWS::EKS::AccessEntry', 0);
  });

  test('Container Insights reports node health (container logs off)', () => {
    prod.hasResourceProperties('AWS::EKS::Addon', { AddonName: 'amazon-cloudwatch-observability', ConfigurationValues: '{"containerLogs":{"enabled":false}}' });
  });
});

describe('RDS PostgreSQL', () => {
  const db = only(prod, 'AWS::RDS::DBInstance');

  test('Multi-AZ, encrypted with the databases key, deletion protection, 35-day backups, IAM auth', () => {
    expect(db.Properties).toMatchObject({
      Engine: 'postgres',
      DBInstanceClass: 'db.r7g.xlarge',
      DBInstanceIdentifier: 'paradigm-prod-research',
      MultiAZ: true,
      StorageEncrypted: true,
      KmsKeyId: keyRef(prod, /PostgreSQL and Redshift/),
      DeletionProtection: true,
      BackupRetentionPeriod: 35,
      EnableIAMDatabaseAuthentication: true,
      PubliclyAccessible: false,
      AllocatedStorage: '500',
      MaxAllocatedStorage: 2000,
      StorageType: 'gp3',
      AutoMinorVersionUpgrade: true,
      Port: '5432',
    });
  });

  test('the master password is managed and rotated by RDS in Secrets Manager, encrypted with the databases key', () => {
    expect(db.Properties).toMatchObject({ ManageMasterUserPassword: true, MasterUserSecret: { KmsKeyId: keyRef(prod, /PostgreSQL and Redshift/) } });
    expect(db.Properties.MasterUserPassword).toBeUndefined();
    prod.resourceCountIs('AWS::SecretsManager::Secret', 0);
  });

  test('enhanced monitoring, Performance Insights with KMS and log exports into pre-created encrypted log groups', () => {
    expect(db.Properties).toMatchObject({
      MonitoringInterval: 60,
      EnablePerformanceInsights: true,
      PerformanceInsightsKMSKeyId: keyRef(prod, /PostgreSQL and Redshift/),
      EnableCloudwatchLogsExports: ['postgresql', 'upgrade'],
    });
    for (const name of ['/aws/rds/instance/paradigm-prod-research/postgresql', '/aws/rds/instance/paradigm-prod-research/upgrade', 'RDSOSMetrics']) {
      const [[logId]] = find(prod, 'AWS::Logs::LogGroup', { LogGroupName: name });
      expect(db.DependsOn).toContain(logId);
    }
  });

  test('the parameter group forces TLS', () => {
    prod.hasResourceProperties('AWS::RDS::DBParameterGroup', { Parameters: Match.objectLike({ 'rds.force_ssl': '1' }) });
  });

  test('5432 is open only to the compute and EKS node security groups, in the data subnets', () => {
    const rules = find(prod, 'AWS::EC2::SecurityGroupIngress', { FromPort: 5432 }).map(([, r]) => r.Properties);
    expect(rules).toHaveLength(2);
    expect(rules.map((r) => r.SourceSecurityGroupId['Fn::GetAtt'].join('.')).sort()).toEqual([
      expect.stringMatching(/^ComputeSecurityGroup.*\.GroupId$/),
      expect.stringMatching(/^KubernetesCluster.*\.ClusterSecurityGroupId$/),
    ].sort());
    for (const r of rules) expect(r).toMatchObject({ ToPort: 5432, IpProtocol: 'tcp' });
    prod.hasResourceProperties('AWS::RDS::DBSubnetGroup', { SubnetIds: subnetsOf(prod, 'data') });
  });

  test('AWS Backup copies the instance into a retained vault encrypted with the databases key', () => {
    prod.hasResourceProperties('AWS::Backup::BackupVault', { EncryptionKeyArn: keyRef(prod, /PostgreSQL and Redshift/) });
    prod.hasResourceProperties('AWS::Backup::BackupSelection', { BackupSelection: Match.objectLike({ Resources: [Match.anyValue()] }) });
  });
});

describe('Redshift', () => {
  const rs = only(prod, 'AWS::Redshift::Cluster');

  test('encrypted, enhanced VPC routing, private, managed admin password, snapshots, audit logs to CloudWatch', () => {
    expect(rs.Properties).toMatchObject({
      ClusterIdentifier: 'paradigm-prod-analytics',
      ClusterType: 'multi-node',
      NodeType: 'ra3.4xlarge',
      NumberOfNodes: 2,
      Encrypted: true,
      KmsKeyId: keyRef(prod, /PostgreSQL and Redshift/),
      EnhancedVpcRouting: true,
      PubliclyAccessible: false,
      ManageMasterPassword: true,
      MasterPasswordSecretKmsKeyId: keyRef(prod, /PostgreSQL and Redshift/),
      AutomatedSnapshotRetentionPeriod: 35,
      Port: 5439,
      LoggingProperties: { LogDestinationType: 'cloudwatch', LogExports: ['connectionlog', 'userlog', 'useractivitylog'] },
    });
    expect(rs.Properties.MasterUserPassword).toBeUndefined();
  });

  test('a single node in dev', () => {
    const devRs = only(dev, 'AWS::Redshift::Cluster');
    expect(devRs.Properties).toMatchObject({ ClusterType: 'single-node', NodeType: 'ra3.large', AutomatedSnapshotRetentionPeriod: 7 });
    expect(devRs.Properties.NumberOfNodes).toBeUndefined();
  });

  test('the parameter group requires TLS and logs user activity', () => {
    prod.hasResourceProperties('AWS::Redshift::ClusterParameterGroup', {
      Parameters: Match.arrayWith([
        { ParameterName: 'require_ssl', ParameterValue: 'true' },
        { ParameterName: 'enable_user_activity_logging', ParameterValue: 'true' },
      ]),
    });
  });

  test('5439 is open to compute, EKS nodes and the on-premise analytics CIDRs only', () => {
    const sg = only(prod, 'AWS::EC2::SecurityGroup', { GroupDescription: Match.stringLikeRegexp('^Redshift') });
    expect(sg.Properties.SecurityGroupIngress.map((r: any) => [r.CidrIp, r.FromPort, r.ToPort])).toEqual([
      ['172.16.20.0/24', 5439, 5439],
      ['172.17.8.0/22', 5439, 5439],
    ]);
    expect(find(prod, 'AWS::EC2::SecurityGroupIngress', { FromPort: 5439, ToPort: 5439 })).toHaveLength(2);
    prod.hasResourceProperties('AWS::Redshift::ClusterSubnetGroup', { SubnetIds: subnetsOf(prod, 'data') });
  });
});

describe('research data bucket', () => {
  test('KMS with the research key, versioned, public access blocked, owner enforced, lifecycle, access logs elsewhere', () => {
    prod.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyRef(prod, /research data/) } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('^ResearchDataAccessLogs') }, LogFilePrefix: 'research-data/' },
      LifecycleConfiguration: { Rules: [Match.objectLike({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 365 } })] },
    });
  });

  test('both buckets deny requests without TLS', () => {
    const policies = find(prod, 'AWS::S3::BucketPolicy');
    expect(policies).toHaveLength(2);
    for (const [, p] of policies) {
      expect(p.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    }
  });
});

describe('alerts and monitoring', () => {
  test('the topic is KMS-encrypted, TLS-only, with the topology e-mail subscriptions', () => {
    prod.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'paradigm-prod-workload-alerts', KmsMasterKeyId: keyRef(prod, /log groups and alert topic/) });
    prod.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    prod.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
          Condition: { StringEquals: { 'aws:SourceAccount': '333333333303' }, ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:us-east-1:333333333303:alarm:*' } },
        })]),
      },
    });
    const emails = find(prod, 'AWS::SNS::Subscription')
      .filter(([, s]) => JSON.stringify(s.Properties.TopicArn).includes('AlertsTopic') && !JSON.stringify(s.Properties.TopicArn).includes('Trail'))
      .map(([, s]) => [s.Properties.Protocol, s.Properties.Endpoint]);
    expect(emails).toEqual([['email', 'platform-alerts@paradigm.example'], ['email', 'security-oncall@paradigm.example']]);
  });

  const alarm = (name: string) => only(prod, 'AWS::CloudWatch::Alarm', { AlarmName: `paradigm-prod-workload-${name}` }).Properties;

  test.each([
    ['DatabaseCpu', 'AWS/RDS', 'CPUUtilization', 'GreaterThanThreshold', 80],
    ['DatabaseFreeStorage', 'AWS/RDS', 'FreeStorageSpace', 'LessThanThreshold', 500 * 0.1 * 1024 ** 3],
    ['DatabaseConnections', 'AWS/RDS', 'DatabaseConnections', 'GreaterThanThreshold', 300],
    ['RedshiftHealth', 'AWS/Redshift', 'HealthStatus', 'LessThanThreshold', 1],
    ['RedshiftDisk', 'AWS/Redshift', 'PercentageDiskSpaceUsed', 'GreaterThanThreshold', 80],
    ['FleetInstanceHealth', 'AWS/AutoScaling', 'GroupInServiceInstances', 'LessThanThreshold', 3],
    ['EksNodeCount', 'ContainerInsights', 'cluster_node_count', 'LessThanThreshold', 3],
    ['EksFailedNodes', 'ContainerInsights', 'cluster_failed_node_count', 'GreaterThanThreshold', 0],
  ])('alarm %s watches %s %s (%s %d) and notifies the topic', (name, namespace, metric, comparison, threshold) => {
    const a = alarm(name);
    expect(a).toMatchObject({ Namespace: namespace, MetricName: metric, ComparisonOperator: comparison, Threshold: threshold });
    for (const actions of [a.AlarmActions, a.OKActions]) expect(actions).toEqual([{ Ref: expect.stringMatching(/^AlertsTopic/) }]);
  });

  test('health alarms treat missing data as breaching', () => {
    for (const name of ['RedshiftHealth', 'FleetInstanceHealth', 'EksNodeCount']) expect(alarm(name).TreatMissingData).toBe('breaching');
  });

  test('one dashboard covers the fleet, EKS, PostgreSQL and Redshift', () => {
    const body = JSON.stringify(only(prod, 'AWS::CloudWatch::Dashboard').Properties.DashboardBody);
    for (const namespace of ['AWS/AutoScaling', 'ContainerInsights', 'AWS/RDS', 'AWS/Redshift']) expect(body).toContain(namespace);
  });
});
