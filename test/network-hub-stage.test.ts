import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { validateTopology } from '../accounts';
import { HubValues, propagationTargets, TransitAttachment } from '../stages/common';
import { exampleTemplate, expectNoUnacknowledgedFindings } from './support/example';
import { exampleVariant, variantApp, variantTemplate } from './support/variant-app';

const DX_TYPES = ['AWS::DirectConnect::DirectConnectGateway', 'AWS::DirectConnect::TransitVirtualInterface', 'AWS::DirectConnect::DirectConnectGatewayAssociation'];
const PROVIDER_CIDRS = ['10.201.0.0/20', '10.202.0.0/20'];

/** Logical id of the route table of a segment (`Workload`, `SaasBridge`, `OnPremise`). */
function tableId(template: Template, segment: string): string {
  const ids = Object.keys(template.findResources('AWS::EC2::TransitGatewayRouteTable')).filter((id) => id.startsWith(`Segments${segment}Table`));
  expect(ids).toHaveLength(1);
  return ids[0];
}

/** Blackholed destinations of a segment's route table. */
function blackholes(template: Template, segment: string): string[] {
  const table = tableId(template, segment);
  return Object.values(template.findResources('AWS::EC2::TransitGatewayRoute', { Properties: { Blackhole: true, TransitGatewayRouteTableId: { Ref: table } } }))
    .map((r: any) => r.Properties.DestinationCidrBlock as string)
    .sort();
}

/** Route tables (by segment) into which the Direct Connect attachment propagates. */
function dxPropagations(template: Template): string[] {
  return Object.values(template.findResources('AWS::EC2::TransitGatewayRouteTablePropagation'))
    .map((r: any) => r.Properties.TransitGatewayRouteTableId.Ref as string)
    .map((ref) => ref.replace(/^Segments(\w+?)Table.*$/, '$1'))
    .sort();
}

/** Route-table logical ids named in the enrolment policy statement `sid` of a spoke. */
function enrolmentTables(template: Template, spoke: 'Workload' | 'SaasBridge', sid: string): string[] {
  const policies = template.findResources('AWS::IAM::ManagedPolicy');
  const id = Object.keys(policies).find((k) => k.startsWith(`Enrolment${spoke}Policy`));
  const statement = (policies[id!] as any).Properties.PolicyDocument.Statement.find((s: any) => s.Sid === sid);
  return statement.Resource.filter((r: any) => typeof r !== 'string').map((r: any) => r['Fn::Join'][1][1].Ref.replace(/^Segments(\w+?)Table.*$/, '$1')).sort();
}

describe('network hub stage of the example', () => {
  const dev = exampleTemplate('dev', 'networkHub');
  const prod = exampleTemplate('prod', 'networkHub');

  test.each(['dev', 'staging', 'prod'])('%s passes every validator with zero unacknowledged findings', (env) => {
    expectNoUnacknowledgedFindings(env, 'networkHub');
  });

  test('the Transit Gateway takes its ASN and auto-accept from the topology, with default tables off and DNS on', () => {
    prod.hasResourceProperties('AWS::EC2::TransitGateway', {
      AmazonSideAsn: 64532, AutoAcceptSharedAttachments: 'enable', DefaultRouteTableAssociation: 'disable', DefaultRouteTablePropagation: 'disable', DnsSupport: 'enable',
    });
  });

  test('has one route table per segment', () => {
    dev.resourceCountIs('AWS::EC2::TransitGatewayRouteTable', 3);
    for (const slug of ['workload', 'saas-bridge', 'on-premise']) {
      dev.hasResourceProperties('AWS::EC2::TransitGatewayRouteTable', { Tags: Match.arrayWith([{ Key: 'Name', Value: `paradigm-dev-${slug}` }]) });
    }
  });

  test('blackholes keep the SaaS bridge and on-premise apart, and SaaS provider VPCs out of the Transit Gateway', () => {
    expect(blackholes(dev, 'SaasBridge')).toEqual(['172.16.0.0/16', '172.17.0.0/16']);
    expect(blackholes(dev, 'OnPremise')).toEqual(['10.11.0.0/20', ...PROVIDER_CIDRS]);
    expect(blackholes(dev, 'Workload')).toEqual(PROVIDER_CIDRS);
  });

  test('the segmentation table: workload ↔ on-premise, workload ↔ SaaS bridge, SaaS bridge ↛ on-premise', () => {
    expect(propagationTargets('workload', false)).toEqual(['onPremise', 'saasBridge']);
    expect(propagationTargets('saasBridge', false)).toEqual(['workload']);
    expect(propagationTargets('onPremise', false)).toEqual(['workload']);
    expect(propagationTargets('saasBridge', true)).toEqual(['workload', 'onPremise']);
    expect(propagationTargets('onPremise', true)).toEqual(['workload', 'saasBridge']);
  });

  test('each spoke may associate with its own segment and propagate only where the segmentation table allows', () => {
    expect(enrolmentTables(dev, 'Workload', 'AssociateWithOwnSegment')).toEqual(['Workload']);
    expect(enrolmentTables(dev, 'Workload', 'PropagateIntoAllowedSegments')).toEqual(['OnPremise', 'SaasBridge']);
    expect(enrolmentTables(dev, 'SaasBridge', 'AssociateWithOwnSegment')).toEqual(['SaasBridge']);
    expect(enrolmentTables(dev, 'SaasBridge', 'PropagateIntoAllowedSegments')).toEqual(['Workload']);
  });

  test('the enrolment roles are named from the topology and trust only the SDK call role of their spoke stack', () => {
    for (const [slug, account] of [['workload', '111111111103'], ['saas-bridge', '111111111104']]) {
      dev.hasResourceProperties('AWS::IAM::Role', {
        RoleName: `paradigm-dev-tgw-enrol-${slug}`,
        AssumeRolePolicyDocument: {
          Statement: [{
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${account}:root` },
            Condition: { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${account}:role/paradigm-dev-${slug}-sdk-calls` } },
          }],
        },
      });
    }
  });

  test('the Transit Gateway and the published ids are shared with the spoke accounts of the environment only', () => {
    const shares = Object.values(dev.findResources('AWS::RAM::ResourceShare')) as any[];
    expect(shares).toHaveLength(1);
    expect(shares[0].Properties.Principals).toEqual(['111111111103', '111111111104']);
    expect(shares[0].Properties.AllowExternalPrincipals).toBe(true);
    expect(shares[0].Properties.ResourceArns).toHaveLength(5);
    expect(JSON.stringify(shares[0].Properties.ResourceArns[0])).toContain(':transit-gateway/');
  });

  test('publishes the Transit Gateway and route table ids as shareable (advanced) parameters', () => {
    const expected = {
      '/paradigm/dev/network-hub/transit-gateway-id': 'TransitHubTransitGateway',
      '/paradigm/dev/network-hub/route-tables/workload': 'SegmentsWorkloadTable',
      '/paradigm/dev/network-hub/route-tables/saas-bridge': 'SegmentsSaasBridgeTable',
      '/paradigm/dev/network-hub/route-tables/on-premise': 'SegmentsOnPremiseTable',
    };
    for (const [name, ref] of Object.entries(expected)) {
      dev.hasResourceProperties('AWS::SSM::Parameter', { Name: name, Tier: 'Advanced', Value: { Ref: Match.stringLikeRegexp(`^${ref}`) } });
    }
  });

  test('Transit Gateway flow logs go to a KMS-encrypted log group with the topology retention', () => {
    dev.hasResourceProperties('AWS::EC2::FlowLog', { ResourceType: 'TransitGateway', ResourceId: { Ref: Match.stringLikeRegexp('TransitHubTransitGateway') }, LogDestinationType: 'cloud-watch-logs', MaxAggregationInterval: 60 });
    dev.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/paradigm/dev/transit-gateway/flow-logs', RetentionInDays: 365, KmsKeyId: Match.anyValue() });
  });

  test('without an organization, the hub account has its own trail into the archive', () => {
    dev.hasResourceProperties('AWS::CloudTrail::Trail', { TrailName: 'paradigm-dev-trail', S3BucketName: 'paradigm-dev-logs-111111111101', IsMultiRegionTrail: true, EnableLogFileValidation: true });
  });

  test('a topology without Direct Connect creates no Direct Connect resources', () => {
    for (const type of [...DX_TYPES, 'Custom::AWS', 'AWS::Lambda::Function', 'AWS::EC2::TransitGatewayRouteTableAssociation']) dev.resourceCountIs(type, 0);
  });

  test('Direct Connect: gateway ASN, transit VIF on the connection, and the association advertising the allowed prefixes', () => {
    prod.hasResourceProperties('AWS::DirectConnect::DirectConnectGateway', { AmazonSideAsn: '64600', DirectConnectGatewayName: 'paradigm-prod-dxgw' });
    prod.hasResourceProperties('AWS::DirectConnect::TransitVirtualInterface', {
      ConnectionId: 'dxcon-ffexampl',
      Vlan: 301,
      Mtu: 8500,
      DirectConnectGatewayId: { 'Fn::GetAtt': [Match.stringLikeRegexp('DirectConnectGateway'), 'DirectConnectGatewayId'] },
      BgpPeers: [{ AddressFamily: 'ipv4', Asn: '65010', AmazonAddress: '169.254.100.1/30', CustomerAddress: '169.254.100.2/30' }],
    });
    prod.hasResourceProperties('AWS::DirectConnect::DirectConnectGatewayAssociation', {
      AssociatedGatewayId: { Ref: Match.stringLikeRegexp('TransitHubTransitGateway') },
      AllowedPrefixesToDirectConnectGateway: ['10.30.0.0/16'],
    });
  });

  test('Direct Connect joins the on-premise segment and propagates into the workload segment only', () => {
    prod.hasResourceProperties('AWS::EC2::TransitGatewayRouteTableAssociation', {
      TransitGatewayRouteTableId: { Ref: tableId(prod, 'OnPremise') },
      TransitGatewayAttachmentId: { 'Fn::GetAtt': [Match.stringLikeRegexp('DirectConnectAttachmentLookup'), 'TransitGatewayAttachments.0.TransitGatewayAttachmentId'] },
    });
    expect(dxPropagations(prod)).toEqual(['Workload']);
    prod.hasResourceProperties('Custom::AWS', { Create: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([Match.stringLikeRegexp('describeTransitGatewayAttachments')])]) }) });
  });
});

describe('network hub stage variants', () => {
  const app = variantApp((t) => {
    t.organization = { id: 'o-a1b2c3d4e5' };
    t.environments[2].network.segmentation = { saasBridgeToOnPremise: true };
    t.environments[2].network.directConnect!.allowedPrefixes = ['10.30.0.0/16', '10.31.0.0/20'];
  });
  const prod = variantTemplate(app, 'prod', 'networkHub');
  const dev = variantTemplate(app, 'dev', 'networkHub');

  test('a segmentation change shows in the route tables: SaaS bridge ↔ on-premise loses its blackholes', () => {
    expect(blackholes(prod, 'SaasBridge')).toEqual([]);
    expect(blackholes(prod, 'OnPremise')).toEqual(PROVIDER_CIDRS);
    expect(blackholes(prod, 'Workload')).toEqual(PROVIDER_CIDRS);
  });

  test('a segmentation change shows in the propagations and the enrolment policy', () => {
    expect(dxPropagations(prod)).toEqual(['SaasBridge', 'Workload']);
    expect(enrolmentTables(prod, 'SaasBridge', 'PropagateIntoAllowedSegments')).toEqual(['OnPremise', 'Workload']);
    prod.hasResourceProperties('AWS::DirectConnect::DirectConnectGatewayAssociation', { AllowedPrefixesToDirectConnectGateway: ['10.30.0.0/16', '10.31.0.0/20'] });
  });

  test('with an organization, the share admits no external principals and the hub has no trail of its own', () => {
    dev.hasResourceProperties('AWS::RAM::ResourceShare', { AllowExternalPrincipals: false });
    dev.resourceCountIs('AWS::CloudTrail::Trail', 0);
  });
});

describe('HubValues and TransitAttachment in a spoke stack', () => {
  const topology = validateTopology(exampleVariant(), 'test');
  const dev = topology.environments[0];
  const stack = new Stack(new App({ context: CURRENTLY_RECOMMENDED_FLAGS }), 'Spoke', { env: { account: '111111111103', region: 'us-east-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.10.0.0/16'),
    maxAzs: 2,
    natGateways: 0,
    createInternetGateway: false,
    subnetConfiguration: [{ name: 'compute', cidrMask: 20, subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, { name: 'transit', cidrMask: 28, subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  const attachment = new TransitAttachment(stack, 'Transit', {
    environment: dev,
    segment: 'workload',
    vpc,
    attachmentSubnets: { subnetGroupName: 'transit' },
    routedSubnets: { subnetGroupName: 'compute' },
    destinationCidrs: ['172.16.0.0/16', '10.11.0.0/20'],
  });
  const template = Template.fromStack(stack);

  test('reads the hub ids from the shared parameters by ARN, as SSM-typed CloudFormation parameters', () => {
    const parameters = template.toJSON().Parameters as Record<string, { Type: string; Default: string }>;
    const shared = Object.values(parameters).filter((p) => p.Type === 'AWS::SSM::Parameter::Value<String>').map((p) => p.Default).filter((d) => d.startsWith('arn:')).sort();
    expect(shared).toEqual([
      'arn:aws:ssm:us-east-1:111111111102:parameter/paradigm/dev/network-hub/route-tables/on-premise',
      'arn:aws:ssm:us-east-1:111111111102:parameter/paradigm/dev/network-hub/route-tables/saas-bridge',
      'arn:aws:ssm:us-east-1:111111111102:parameter/paradigm/dev/network-hub/route-tables/workload',
      'arn:aws:ssm:us-east-1:111111111102:parameter/paradigm/dev/network-hub/transit-gateway-id',
    ]);
    expect(HubValues.import(stack, dev)).toBe(attachment.hub);
  });

  test('creates a template parameter only for the values a stack uses', () => {
    const hubParameters = (use: (hub: HubValues) => void) => {
      const bridge = new Stack(new App({ context: CURRENTLY_RECOMMENDED_FLAGS, builtinCloudFormationValidation: false }), 'Bridge', { env: { account: '111111111104', region: 'us-east-1' } });
      use(HubValues.import(bridge, dev));
      return Object.keys(Template.fromStack(bridge).toJSON().Parameters ?? {}).filter((p) => p.startsWith('HubValues'));
    };
    expect(hubParameters(() => undefined)).toEqual([]);
    expect(hubParameters((hub) => hub.routeTableId('saasBridge'))).toEqual([expect.stringMatching(/^HubValuesSaasBridgeRouteTableId/)]);
  });

  test('fails when a stack reads the hub of another environment', () => {
    expect(() => HubValues.import(stack, topology.environments[1])).toThrow(/already reads the network hub of "dev".*Fix:/);
  });

  test('fails when the spoke stack is in another region than the hub', () => {
    const other = new Stack(new App(), 'Other', { env: { account: '111111111103', region: 'eu-west-1' } });
    expect(() => HubValues.import(other, dev)).toThrow(/is in eu-west-1 but the network hub of "dev" is in us-east-1.*Fix:/);
  });

  test('attaches the VPC in the transit subnets to the hub\'s Transit Gateway', () => {
    template.hasResourceProperties('AWS::EC2::TransitGatewayVpcAttachment', {
      TransitGatewayId: { Ref: Match.stringLikeRegexp('HubValuesTransitGatewayId') },
      SubnetIds: [{ Ref: Match.stringLikeRegexp('VpctransitSubnet1') }, { Ref: Match.stringLikeRegexp('VpctransitSubnet2') }],
      Options: { DnsSupport: 'enable', Ipv6Support: 'disable', ApplianceModeSupport: 'disable' },
    });
  });

  test('routes every destination from the routed subnets to the Transit Gateway, after the attachment exists', () => {
    const routes = template.findResources('AWS::EC2::Route', { Properties: { TransitGatewayId: Match.anyValue() } });
    expect(Object.values(routes).map((r: any) => r.Properties.DestinationCidrBlock).sort()).toEqual(['10.11.0.0/20', '10.11.0.0/20', '172.16.0.0/16', '172.16.0.0/16']);
    for (const route of Object.values(routes)) expect((route as any).DependsOn).toEqual([expect.stringMatching(/^TransitAttachment/)]);
  });

  test('places the attachment in its segment through the hub\'s enrolment role', () => {
    const resources = Object.values(template.findResources('Custom::AWS')) as any[];
    const calls = resources.map((r) => JSON.stringify(r.Properties.Create));
    expect(calls).toHaveLength(3);
    for (const r of resources) expect(JSON.stringify(r.Properties.Update)).toBe(JSON.stringify(r.Properties.Create));
    expect(resources.map((r) => JSON.stringify(r.Properties.Delete)).filter((c) => c.includes('disassociateTransitGatewayRouteTable'))).toHaveLength(1);
    expect(resources.map((r) => JSON.stringify(r.Properties.Delete)).filter((c) => c.includes('disableTransitGatewayRouteTablePropagation'))).toHaveLength(2);
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'Spoke-sdk-calls' });
    expect(calls.every((c) => c.includes('arn:aws:iam::111111111102:role/paradigm-dev-tgw-enrol-workload'))).toBe(true);
    expect(calls.filter((c) => c.includes('associateTransitGatewayRouteTable'))).toHaveLength(1);
    expect(calls.filter((c) => c.includes('enableTransitGatewayRouteTablePropagation'))).toHaveLength(2);
    const policies = Object.values(template.findResources('AWS::IAM::ManagedPolicy')).map((p: any) => JSON.stringify(p.Properties.PolicyDocument));
    expect(policies.some((p) => p.includes('"sts:AssumeRole"') && p.includes('paradigm-dev-tgw-enrol-workload'))).toBe(true);
  });
});
