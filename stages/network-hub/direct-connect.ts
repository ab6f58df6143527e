import { Tags } from 'aws-cdk-lib';
import * as dx from 'aws-cdk-lib/aws-directconnect';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { DirectConnectOptions } from '../../accounts';
import { acknowledge } from '../common/acknowledge';
import { propagationTargets, type Segment } from '../common/platform-names';
import { SdkCalls } from '../common/sdk-calls';

export interface DirectConnectProps {
  /** Name of the environment, used in resource names. */
  readonly environmentName: string;
  /** Direct Connect options from the topology. */
  readonly options: DirectConnectOptions;
  /** The Transit Gateway the DX gateway is associated with. */
  readonly transitGatewayId: string;
  /** Route table of every segment; the DX attachment joins the on-premise segment. */
  readonly tables: Readonly<Record<Segment, ec2.CfnTransitGatewayRouteTable>>;
  /**
   * Let the SaaS bridge and on-premise reach each other.
   * @default false
   */
  readonly saasBridgeToOnPremise?: boolean;
}

/**
 * Direct Connect to on-premise: a DX gateway (Amazon-side ASN from the topology), a transit virtual
 * interface on an existing connection (VLAN, BGP peer from the topology), the DX gateway ↔ Transit
 * Gateway association advertising the allowed prefixes to on-premise, and the association's Transit
 * Gateway attachment placed in the on-premise segment (looked up at deploy time: CloudFormation does
 * not return its id).
 */
export class DirectConnect extends Construct {
  public readonly gateway: dx.CfnDirectConnectGateway;
  public readonly virtualInterface: dx.CfnTransitVirtualInterface;
  public readonly association: dx.CfnDirectConnectGatewayAssociation;
  public readonly attachmentId: string;

  constructor(scope: Construct, id: string, props: DirectConnectProps) {
    super(scope, id);
    const o = props.options;
    const name = `paradigm-${props.environmentName}`;
    this.gateway = new dx.CfnDirectConnectGateway(this, 'Gateway', { directConnectGatewayName: `${name}-dxgw`, amazonSideAsn: String(o.gatewayAsn) });
    this.virtualInterface = new dx.CfnTransitVirtualInterface(this, 'TransitVif', {
      virtualInterfaceName: `${name}-transit-vif`,
      connectionId: o.connectionId,
      directConnectGatewayId: this.gateway.attrDirectConnectGatewayId,
      vlan: o.vlan,
      mtu: o.mtu,
      bgpPeers: [{ addressFamily: 'ipv4', asn: String(o.customerAsn), amazonAddress: o.amazonAddress, customerAddress: o.customerAddress }],
    });
    this.association = new dx.CfnDirectConnectGatewayAssociation(this, 'Association', {
      directConnectGatewayId: this.gateway.attrDirectConnectGatewayId,
      associatedGatewayId: props.transitGatewayId,
      allowedPrefixesToDirectConnectGateway: [...o.allowedPrefixes],
    });

    const sdk = SdkCalls.of(this);
    sdk.allow(new iam.PolicyStatement({ sid: 'FindDirectConnectAttachment', actions: ['ec2:DescribeTransitGatewayAttachments'], resources: ['*'] }));
    acknowledge(sdk.policy, 'AwsSolutions::AwsSolutions-IAM5[Resource::*]', 'ec2:DescribeTransitGatewayAttachments supports no resource-level permissions (AWS service authorization reference); the policy grants no other action on "*".');
    const lookup = sdk.call(this, 'AttachmentLookup', {
      onCreate: this.lookupCall(props.transitGatewayId),
      onUpdate: this.lookupCall(props.transitGatewayId),
    });
    lookup.node.addDependency(this.association);
    this.attachmentId = lookup.getResponseField('TransitGatewayAttachments.0.TransitGatewayAttachmentId');

    new ec2.CfnTransitGatewayRouteTableAssociation(this, 'OnPremiseAssociation', {
      transitGatewayAttachmentId: this.attachmentId,
      transitGatewayRouteTableId: props.tables.onPremise.ref,
    });
    for (const target of propagationTargets('onPremise', props.saasBridgeToOnPremise ?? false)) {
      new ec2.CfnTransitGatewayRouteTablePropagation(this, `PropagateInto${target[0].toUpperCase()}${target.slice(1)}`, {
        transitGatewayAttachmentId: this.attachmentId,
        transitGatewayRouteTableId: props.tables[target].ref,
      });
    }
    Tags.of(this).add('paradigm:segment', 'on-premise');
  }

  private lookupCall(transitGatewayId: string): cr.AwsSdkCall {
    return {
      service: 'EC2',
      action: 'describeTransitGatewayAttachments',
      parameters: {
        Filters: [
          { Name: 'transit-gateway-id', Values: [transitGatewayId] },
          { Name: 'resource-type', Values: ['direct-connect-gateway'] },
          { Name: 'resource-id', Values: [this.gateway.attrDirectConnectGatewayId] },
        ],
      },
      outputPaths: ['TransitGatewayAttachments.0.TransitGatewayAttachmentId'],
      physicalResourceId: cr.PhysicalResourceId.of(this.association.attrAssociationId),
    };
  }
}
