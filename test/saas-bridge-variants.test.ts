/** SaaS bridges of variant topologies, and the constructs' own guards. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { EXAMPLE_TOPOLOGY, validateTopology, type SaasProvider } from '../accounts';
import { createPlatformApp } from '../stages/app';
import { DataExchange, ProviderDynamoDbAccess, ProviderEndpoint, ProviderInboundRole, SaasBridgeStage, SaasProviderLink } from '../stages/saas-bridge';

type Mutable = any;

/** The dev SaaS bridge template of the example changed by `mutate`, synthesized without validators. */
function bridgeTemplate(mutate: (t: Mutable) => void): Template {
  const raw = structuredClone(EXAMPLE_TOPOLOGY) as Mutable;
  mutate(raw);
  const root = mkdtempSync(join(tmpdir(), 'saas-bridge-'));
  const { environments } = createPlatformApp({
    topology: validateTopology(raw, 'test'),
    outdir: join(root, 'cdk.out'),
    workflowPath: join(root, '.github', 'workflows', 'deploy.yml'),
    cloudFormationValidation: false,
    nagPacks: false,
  });
  return Template.fromStack((environments[0].stages.saasBridge as SaasBridgeStage).stack);
}

describe('cross-region peering and PrivateLink with private DNS, not reachable from workloads', () => {
  const template = bridgeTemplate((t) => {
    Object.assign(t.saasProviders[0], {
      region: 'us-west-2',
      ports: [443, 8443],
      inbound: { access: 'read' },
    });
    Object.assign(t.saasProviders[1], { reachableFromWorkloads: false, inbound: {} });
    t.saasProviders[1].connection.privateDns = true;
    delete t.saasProviders[1].dynamodb.externalId;
  });

  test('the peering connection names the provider region', () => {
    template.hasResourceProperties('AWS::EC2::VPCPeeringConnection', { PeerRegion: 'us-west-2', PeerOwnerId: '999999999901' });
  });

  test('the peering security group opens each configured port toward the provider CIDR only', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('provider-1'),
      SecurityGroupEgress: [443, 8443].map((port) => Match.objectLike({ CidrIp: '10.201.0.0/20', IpProtocol: 'tcp', FromPort: port, ToPort: port })),
    });
  });

  test('the endpoint uses private DNS and admits only the bridge VPC', () => {
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: Match.stringLikeRegexp('vpce-svc-'), PrivateDnsEnabled: true });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('provider-2'),
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '10.11.0.0/20', FromPort: 443 })],
    });
  });

  test('a read-only provider may not write; a provider without a principal ARN is pinned to its account', () => {
    const policies = Object.values(template.findResources('AWS::IAM::ManagedPolicy')) as any[];
    const p1 = policies.find((p) => p.Properties.Description === 'Data exchange of provider-1');
    expect(p1.Properties.PolicyDocument.Statement[1].Action).toEqual(['s3:GetObject', 's3:GetObjectVersion']);
    expect(p1.Properties.PolicyDocument.Statement[2].Action).toEqual('kms:Decrypt');
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'saas-dev-provider-2-inbound',
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { AWS: 'arn:aws:iam::999999999902:root' } })] },
    });
  });

  test('without an override, the DynamoDB chain presents the provider external id', () => {
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'paradigm-provider-2-c81b05d9e6a4' } } })] },
    });
  });
});

describe('a bridge without providers', () => {
  const template = bridgeTemplate((t) => { t.saasProviders = []; });

  test('has no peering, routes, interface endpoints or provider roles, but keeps the gateway endpoints and the bucket', () => {
    template.resourceCountIs('AWS::EC2::VPCPeeringConnection', 0);
    template.resourcePropertiesCountIs('AWS::EC2::Route', { VpcPeeringConnectionId: Match.anyValue() }, 0);
    // Only the Transit Gateway routes toward the workload VPC remain.
    for (const r of Object.values(template.findResources('AWS::EC2::Route')) as any[]) expect(r.Properties.TransitGatewayId).toBeDefined();
    template.resourcePropertiesCountIs('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Interface' }, 0);
    template.resourcePropertiesCountIs('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway' }, 2);
    template.resourcePropertiesCountIs('AWS::IAM::Role', { RoleName: Match.stringLikeRegexp('^saas-') }, 0);
    template.resourceCountIs('AWS::S3::Bucket', 2);
  });

  test('the DynamoDB endpoint admits only tables of the bridge account', () => {
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.dynamodb']] },
      PolicyDocument: { Statement: [Match.objectLike({ Sid: 'TablesOfTheBridgeAccount' })], Version: '2012-10-17' },
    });
  });
});

describe('construct guards', () => {
  const newStack = () => new Stack(new App({ context: CURRENTLY_RECOMMENDED_FLAGS }), 'Test', { env: { account: '111111111104', region: 'us-east-1' } });
  const provider = validateTopology(EXAMPLE_TOPOLOGY, 'example').saasProviders;

  test('fails when a peered provider is asked to be reachable from workloads', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'bridge', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    const impossible: SaasProvider = { ...provider[0], reachableFromWorkloads: true };
    expect(() => new SaasProviderLink(stack, 'Link', {
      provider: impossible,
      environmentName: 'dev',
      vpc,
      bridgeSubnets: vpc.selectSubnets({ subnetGroupName: 'bridge' }),
      bridgeVpcCidr: '10.11.0.0/20',
      workloadVpcCidr: '10.10.0.0/16',
      workloadAccountId: '111111111103',
      dataExchange: new DataExchange(stack, 'DataExchange', { name: 'test' }),
    })).toThrow(/peering is not transitive\. Fix: use connection.type "privatelink"/);
  });

  test('fails when the DynamoDB chain is given a wildcard or nothing to reach', () => {
    const props = { roleName: 'r', providerName: 'p', workloadAccountId: '111111111103', providerRoleArn: 'arn:aws:iam::999999999902:role/x', externalId: 'abc' };
    expect(() => new ProviderDynamoDbAccess(newStack(), 'A', { ...props, tableArns: ['arn:aws:dynamodb:us-east-1:999999999902:table/*'], actions: ['dynamodb:GetItem'] })).toThrow(/contains "\*"/);
    expect(() => new ProviderDynamoDbAccess(newStack(), 'B', { ...props, tableArns: [], actions: [] })).toThrow(/no table ARNs were given.*no actions were given/);
    expect(() => new ProviderDynamoDbAccess(newStack(), 'C', { ...props, externalId: '', tableArns: ['arn:aws:dynamodb:us-east-1:999999999902:table/t1'], actions: ['dynamodb:GetItem'] }))
      .toThrow(/external id "" breaks the STS rules/);
  });

  test('fails when an endpoint has no ports', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'bridge', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    expect(() => new ProviderEndpoint(stack, 'E', { vpc, subnets: {}, providerName: 'p', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', ports: [], allowedCidrs: [] }))
      .toThrow(/ports \[\] must list TCP ports.*no allowed ranges/);
  });

  test('fails when the inbound prefix is not a folder, the external id is missing and the principal is of another account', () => {
    const stack = newStack();
    const exchange = new DataExchange(stack, 'DataExchange', { name: 'test' });
    expect(() => new ProviderInboundRole(stack, 'R', {
      roleName: 'r', providerName: 'p', providerAccountId: '999999999901', externalId: '', bucket: exchange.bucket, key: exchange.key, prefix: 'providers/p', principalArn: 'arn:aws:iam::123456789012:role/other',
    })).toThrow(/does not end with "\/".*external id "" breaks the STS rules.*not in the provider's account 999999999901/);
  });
});
