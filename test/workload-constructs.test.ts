/** The workload constructs on their own: props validated in the constructor, every problem in one error. */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AnalyticsWarehouse, ComputeFleet, EncryptedLogGroups, KubernetesCluster, PrivateEndpoints, ResearchDatabase } from '../stages/workload';

function fixture() {
  const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    natGateways: 0,
    createInternetGateway: false,
    subnetConfiguration: ['compute', 'eks', 'data'].map((name) => ({ name, cidrMask: 24, subnetType: ec2.SubnetType.PRIVATE_ISOLATED })),
  });
  const key = new kms.Key(stack, 'Key');
  const logGroups = new EncryptedLogGroups(stack, 'Logs', { key, retentionDays: 365 });
  const client = new ec2.SecurityGroup(stack, 'Client', { vpc });
  return { stack, vpc, key, logGroups, clients: { client } };
}

describe('fails when', () => {
  test('the fleet minimum is above its maximum and the volume is too small (both reported)', () => {
    const { stack, vpc, key } = fixture();
    expect(() => new ComputeFleet(stack, 'Fleet', {
      vpc,
      subnets: { subnetGroupName: 'compute' },
      instanceType: 't3.small',
      minCapacity: 4,
      maxCapacity: 2,
      volumeSizeGiB: 4,
      volumeKey: key,
      notifications: new sns.Topic(stack, 'Topic'),
    })).toThrow([
      'Test/Fleet has 2 invalid properties:',
      '  - minCapacity (4) is above maxCapacity (2). Fix: make minCapacity ≤ maxCapacity.',
      '  - volumeSizeGiB is 4, but must be a whole number from 8 to 16384. Fix: use a value in that range.',
    ].join('\n'));
  });

  test('the desired node count is above the maximum', () => {
    const { stack, vpc, key, logGroups } = fixture();
    expect(() => new KubernetesCluster(stack, 'Eks', {
      vpc,
      subnets: { subnetGroupName: 'eks' },
      clusterName: 'test',
      version: '1.34',
      key,
      logGroups,
      instanceType: 't3.large',
      minCapacity: 1,
      desiredCapacity: 5,
      maxCapacity: 3,
      volumeSizeGiB: 50,
    })).toThrow('desiredCapacity (5) is above maxCapacity (3). Fix: make desiredCapacity ≤ maxCapacity.');
  });

  test('database storage cannot grow, backups are too short and nobody may connect', () => {
    const { stack, vpc, key, logGroups } = fixture();
    expect(() => new ResearchDatabase(stack, 'Db', {
      vpc,
      subnets: { subnetGroupName: 'data' },
      instanceIdentifier: 'test-db',
      instanceClass: 'db.t4g.medium',
      allocatedStorageGiB: 100,
      maxAllocatedStorageGiB: 50,
      backupRetentionDays: 3,
      key,
      logGroups,
      clients: {},
    })).toThrow(/has 3 invalid properties:\n.*allocatedStorageGiB \(100\) is above maxAllocatedStorageGiB \(50\).*\n.*backupRetentionDays is 3.*\n.*clients is empty/);
  });

  test('Redshift would be opened to the internet range', () => {
    const { stack, vpc, key, logGroups, clients } = fixture();
    expect(() => new AnalyticsWarehouse(stack, 'Rs', {
      vpc,
      subnets: { subnetGroupName: 'data' },
      clusterIdentifier: 'test-rs',
      nodeType: 'ra3.large',
      numberOfNodes: 1,
      snapshotRetentionDays: 7,
      key,
      logGroups,
      clients,
      analyticsCidrs: ['0.0.0.0/0'],
    })).toThrow('analyticsCidrs contains 0.0.0.0/0, which opens Redshift to far more than an analytics network. Fix: list the on-premise analytics subnets (/8 or narrower, never 0.0.0.0/0).');
  });

  test('the Redshift identifier is not one', () => {
    const { stack, vpc, key, logGroups, clients } = fixture();
    expect(() => new AnalyticsWarehouse(stack, 'Rs', {
      vpc,
      subnets: { subnetGroupName: 'data' },
      clusterIdentifier: 'Test_RS',
      nodeType: 'ra3.large',
      numberOfNodes: 1,
      snapshotRetentionDays: 7,
      key,
      logGroups,
      clients,
    })).toThrow('clusterIdentifier "Test_RS" is not a Redshift cluster identifier');
  });
});

describe('PrivateEndpoints', () => {
  test('accepts a narrower service list and still allows only HTTPS from the VPC range', () => {
    const { stack, vpc } = fixture();
    new PrivateEndpoints(stack, 'Endpoints', {
      vpc,
      vpcCidr: '10.0.0.0/16',
      subnets: { subnetGroupName: 'compute' },
      services: { Ssm: ec2.InterfaceVpcEndpointAwsService.SSM },
    });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 3);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [{ CidrIp: '10.0.0.0/16', FromPort: 443, ToPort: 443, IpProtocol: 'tcp', Description: 'HTTPS from the workload VPC' }],
    });
  });
});

describe('EncryptedLogGroups', () => {
  test('lets CloudWatch Logs use the key only for the groups it created', () => {
    const { stack, key, logGroups } = fixture();
    logGroups.create(stack, 'A', '/test/a');
    logGroups.create(stack, 'B', '/test/b');
    const keyId = stack.getLogicalId(key.node.defaultChild as kms.CfnKey);
    const statement = Template.fromStack(stack).toJSON().Resources[keyId].Properties.KeyPolicy.Statement[1];
    const arns = statement.Condition.ArnEquals['kms:EncryptionContext:aws:logs:arn'];
    expect(statement.Principal).toEqual({ Service: 'logs.eu-west-1.amazonaws.com' });
    expect(arns).toHaveLength(2);
    expect(JSON.stringify(arns[0])).toContain(':logs:eu-west-1:123456789012:log-group:/test/a');
    expect(JSON.stringify(arns[1])).toContain(':logs:eu-west-1:123456789012:log-group:/test/b');
  });
});
