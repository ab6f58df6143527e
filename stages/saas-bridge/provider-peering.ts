import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface ProviderPeeringProps {
  /** The bridge VPC (requester side). */
  readonly vpc: ec2.IVpc;
  /** Subnets whose route tables get a route to the provider; only these can reach it. */
  readonly routeSubnets: readonly ec2.ISubnet[];
  /** Provider name, used in resource names. */
  readonly providerName: string;
  /** Account that owns the provider's VPC. */
  readonly peerAccountId: string;
  /** The provider's VPC id. */
  readonly peerVpcId: string;
  /** Region of the provider's VPC. */
  readonly peerRegion: string;
  /** IPv4 range of the provider's VPC: the only destination routed through the peering connection. */
  readonly peerCidr: string;
  /** Role in the provider's account that CloudFormation assumes to accept the request. */
  readonly accepterRoleArn: string;
  /** TCP ports of the provider's service. */
  readonly ports: readonly number[];
}

/**
 * The requester side of a VPC peering connection to a provider's VPC: the connection (accepted
 * cross-account through the provider's accepter role), a route to the provider's range in each
 * bridge subnet route table, and a security group that lets bridge services reach only the
 * provider's range on the provider's ports.
 */
export class ProviderPeering extends Construct {
  public readonly connection: ec2.CfnVPCPeeringConnection;
  /** Attach to bridge services (e.g. a proxy) that talk to the provider. */
  public readonly securityGroup: ec2.SecurityGroup;
  public readonly routes: readonly ec2.CfnRoute[];

  constructor(scope: Construct, id: string, props: ProviderPeeringProps) {
    super(scope, id);
    const badPorts = props.ports.filter((port) => !Number.isInteger(port) || port < 1 || port > 65535);
    if (props.ports.length === 0 || badPorts.length > 0) {
      throw new Error(`ProviderPeering ${this.node.path}: ports ${JSON.stringify(props.ports)} must list TCP ports from 1 to 65535. Fix: set the provider's "ports", e.g. [443].`);
    }
    this.connection = new ec2.CfnVPCPeeringConnection(this, 'Connection', {
      vpcId: props.vpc.vpcId,
      peerOwnerId: props.peerAccountId,
      peerVpcId: props.peerVpcId,
      peerRegion: props.peerRegion,
      peerRoleArn: props.accepterRoleArn,
    });
    Tags.of(this.connection).add('Name', `saas-${props.providerName}`);

    this.routes = props.routeSubnets.map((subnet, i) => new ec2.CfnRoute(this, `Route${i}`, {
      routeTableId: subnet.routeTable.routeTableId,
      destinationCidrBlock: props.peerCidr,
      vpcPeeringConnectionId: this.connection.ref,
    }));

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `Bridge services to ${props.providerName} (${props.peerCidr}) over VPC peering`,
      allowAllOutbound: false,
    });
    for (const port of props.ports) {
      this.securityGroup.addEgressRule(ec2.Peer.ipv4(props.peerCidr), ec2.Port.tcp(port), `${props.providerName} on TCP ${port}`);
    }
  }
}
