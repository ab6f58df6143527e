import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface TransitHubProps {
  /** Name of the environment, used in resource names. */
  readonly environmentName: string;
  /** Amazon-side private BGP ASN of the Transit Gateway. */
  readonly amazonSideAsn: number;
  /** Accept attachments from the shared spoke accounts without a manual step. */
  readonly autoAcceptSharedAttachments: boolean;
}

/**
 * The environment's Transit Gateway. Default route-table association and propagation are off,
 * so that every attachment is placed in a segment explicitly.
 */
export class TransitHub extends Construct {
  public readonly transitGateway: ec2.CfnTransitGateway;

  constructor(scope: Construct, id: string, props: TransitHubProps) {
    super(scope, id);
    this.transitGateway = new ec2.CfnTransitGateway(this, 'TransitGateway', {
      description: `Paradigm ${props.environmentName} hub`,
      amazonSideAsn: props.amazonSideAsn,
      autoAcceptSharedAttachments: props.autoAcceptSharedAttachments ? 'enable' : 'disable',
      defaultRouteTableAssociation: 'disable',
      defaultRouteTablePropagation: 'disable',
      dnsSupport: 'enable',
      vpnEcmpSupport: 'enable',
      multicastSupport: 'disable',
    });
    Tags.of(this.transitGateway).add('Name', `paradigm-${props.environmentName}-tgw`);
  }
}
