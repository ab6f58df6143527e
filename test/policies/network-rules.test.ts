import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NagRuleCompliance } from 'cdk-nag';
import {
  DirectConnectAllowedPrefixes, PeeringRouteToProviders, SecurityGroupNoOpenIngress,
  TransitGatewayNoAutoAccept, TransitGatewayNoDefaultAssociation, TransitGatewayNoDefaultPropagation,
} from '../../policies';
import { evaluate, resource, testStack } from '../support/policy-stack';

const { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE } = NagRuleCompliance;
const tgw = (props: Record<string, unknown>) => resource('AWS::EC2::TransitGateway', props);
const SEGMENTED = { DefaultRouteTableAssociation: 'disable', DefaultRouteTablePropagation: 'disable', AutoAcceptSharedAttachments: 'disable' };

describe('TransitGatewayNoDefaultAssociation', () => {
  test('Compliance: association disabled', () => expect(evaluate(TransitGatewayNoDefaultAssociation, tgw(SEGMENTED))).toBe(COMPLIANT));
  test('Noncompliance 1: association enabled', () => expect(evaluate(TransitGatewayNoDefaultAssociation, tgw({ ...SEGMENTED, DefaultRouteTableAssociation: 'enable' }))).toBe(NON_COMPLIANT));
  test('Noncompliance 2: left at the service default (enable)', () => expect(evaluate(TransitGatewayNoDefaultAssociation, tgw({}))).toBe(NON_COMPLIANT));
  test('Noncompliance 3: an L1 property override re-enables it', () => {
    const gw = new ec2.CfnTransitGateway(testStack(), 'Tgw', { defaultRouteTableAssociation: 'disable' });
    gw.addPropertyOverride('DefaultRouteTableAssociation', 'enable');
    expect(evaluate(TransitGatewayNoDefaultAssociation, gw)).toBe(NON_COMPLIANT);
  });
  test('not applicable to other resources', () => expect(evaluate(TransitGatewayNoDefaultAssociation, resource('AWS::EC2::VPC', {}))).toBe(NOT_APPLICABLE));
});

describe('TransitGatewayNoDefaultPropagation', () => {
  test('Compliance: propagation disabled', () => expect(evaluate(TransitGatewayNoDefaultPropagation, tgw(SEGMENTED))).toBe(COMPLIANT));
  test('Noncompliance 1: propagation enabled', () => expect(evaluate(TransitGatewayNoDefaultPropagation, tgw({ ...SEGMENTED, DefaultRouteTablePropagation: 'enable' }))).toBe(NON_COMPLIANT));
  test('Noncompliance 2: left at the service default (enable)', () => expect(evaluate(TransitGatewayNoDefaultPropagation, tgw({ DefaultRouteTableAssociation: 'disable' }))).toBe(NON_COMPLIANT));
});

describe('TransitGatewayNoAutoAccept', () => {
  test('Compliance: auto-accept disabled', () => expect(evaluate(TransitGatewayNoAutoAccept, tgw(SEGMENTED))).toBe(COMPLIANT));
  test('Compliance: left at the service default (disable)', () => expect(evaluate(TransitGatewayNoAutoAccept, tgw({}))).toBe(COMPLIANT));
  test('Noncompliance 1: auto-accept enabled', () => expect(evaluate(TransitGatewayNoAutoAccept, tgw({ ...SEGMENTED, AutoAcceptSharedAttachments: 'enable' }))).toBe(NON_COMPLIANT));
  test('Noncompliance 2: enabled through the L1 class', () => {
    const gw = new ec2.CfnTransitGateway(testStack(), 'Tgw', { autoAcceptSharedAttachments: 'enable' });
    expect(evaluate(TransitGatewayNoAutoAccept, gw)).toBe(NON_COMPLIANT);
  });
});

describe('DirectConnectAllowedPrefixes', () => {
  const assoc = (prefixes?: unknown) => resource('AWS::DirectConnect::DirectConnectGatewayAssociation', {
    DirectConnectGatewayId: 'dx-1', AssociatedGatewayId: 'tgw-1', ...(prefixes === undefined ? {} : { AllowedPrefixesToDirectConnectGateway: prefixes }),
  });
  test('Compliance: specific prefixes', () => expect(evaluate(DirectConnectAllowedPrefixes, assoc(['10.0.0.0/8', '10.64.0.0/16']))).toBe(COMPLIANT));
  test('Noncompliance 1: no allowed prefixes', () => expect(evaluate(DirectConnectAllowedPrefixes, assoc())).toBe(NON_COMPLIANT));
  test('Noncompliance 2: a default route', () => expect(evaluate(DirectConnectAllowedPrefixes, assoc(['10.64.0.0/16', '0.0.0.0/0']))).toBe(NON_COMPLIANT));
  test('Noncompliance 3: broader than /8', () => expect(evaluate(DirectConnectAllowedPrefixes, assoc(['10.0.0.0/7']))).toBe(NON_COMPLIANT));
  test('Noncompliance 4: an empty list', () => expect(evaluate(DirectConnectAllowedPrefixes, assoc([]))).toBe(NON_COMPLIANT));
});

describe('PeeringRouteToProviders', () => {
  const route = (props: Record<string, unknown>) => resource('AWS::EC2::Route', { RouteTableId: 'rtb-1', VpcPeeringConnectionId: 'pcx-1', ...props });
  test('Compliance: a route to a provider range', () => expect(evaluate(PeeringRouteToProviders, route({ DestinationCidrBlock: '10.200.4.0/24' }))).toBe(COMPLIANT));
  test('Noncompliance 1: an IPv4 default route', () => expect(evaluate(PeeringRouteToProviders, route({ DestinationCidrBlock: '0.0.0.0/0' }))).toBe(NON_COMPLIANT));
  test('Noncompliance 2: an IPv6 default route', () => expect(evaluate(PeeringRouteToProviders, route({ DestinationIpv6CidrBlock: '::/0' }))).toBe(NON_COMPLIANT));
  test('Noncompliance 3: a range outside every provider VPC', () => expect(evaluate(PeeringRouteToProviders, route({ DestinationCidrBlock: '10.0.0.0/8' }))).toBe(NON_COMPLIANT));
  test('not applicable to routes through other targets', () => {
    expect(evaluate(PeeringRouteToProviders, resource('AWS::EC2::Route', { RouteTableId: 'rtb-1', TransitGatewayId: 'tgw-1', DestinationCidrBlock: '0.0.0.0/0' }))).toBe(NOT_APPLICABLE);
  });
  test('without configured destinations only default routes are refused', () => {
    const settings = { minimumLogRetentionDays: 365, peeringDestinations: [] };
    expect(evaluate(PeeringRouteToProviders, route({ DestinationCidrBlock: '10.0.0.0/8' }), settings)).toBe(COMPLIANT);
    expect(evaluate(PeeringRouteToProviders, route({ DestinationCidrBlock: '0.0.0.0/0' }), settings)).toBe(NON_COMPLIANT);
  });
});

describe('SecurityGroupNoOpenIngress', () => {
  const group = (ingress: unknown[]) => resource('AWS::EC2::SecurityGroup', { GroupDescription: 'x', VpcId: 'vpc-1', SecurityGroupIngress: ingress });
  test('Compliance: ingress from a named range', () => expect(evaluate(SecurityGroupNoOpenIngress, group([{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/16' }]))).toBe(COMPLIANT));
  test('Noncompliance 1: inline ingress from 0.0.0.0/0', () => expect(evaluate(SecurityGroupNoOpenIngress, group([{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }]))).toBe(NON_COMPLIANT));
  test('Noncompliance 2: inline ingress from ::/0', () => expect(evaluate(SecurityGroupNoOpenIngress, group([{ IpProtocol: '-1', CidrIpv6: '::/0' }]))).toBe(NON_COMPLIANT));
  test('Noncompliance 3: a standalone ingress rule from 0.0.0.0/0 (L2 addIngressRule)', () => {
    const stack = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'a', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc, allowAllOutbound: false });
    new ec2.SecurityGroup(stack, 'Peer', { vpc }).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));
    sg.addIngressRule(ec2.Peer.securityGroupId('sg-0123456789abcdef0'), ec2.Port.tcp(22));
    const peer = stack.node.findChild('Peer').node.defaultChild as ec2.CfnSecurityGroup;
    expect(evaluate(SecurityGroupNoOpenIngress, peer)).toBe(NON_COMPLIANT);
    const separate = resource('AWS::EC2::SecurityGroupIngress', { GroupId: 'sg-1', IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' });
    expect(evaluate(SecurityGroupNoOpenIngress, separate)).toBe(NON_COMPLIANT);
  });
});
