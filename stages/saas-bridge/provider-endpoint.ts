import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface ProviderEndpointProps {
  /** The bridge VPC. */
  readonly vpc: ec2.IVpc;
  /** Subnets that hold the endpoint's network interfaces. */
  readonly subnets: ec2.SubnetSelection;
  /** Provider name, used in descriptions. */
  readonly providerName: string;
  /** The provider's endpoint service name (`com.amazonaws.vpce.<region>.vpce-svc-…`). */
  readonly serviceName: string;
  /**
   * Resolve the service's private DNS name to the endpoint (the service must offer a verified name).
   * @default false
   */
  readonly privateDns?: boolean;
  /** TCP ports the endpoint accepts. */
  readonly ports: readonly number[];
  /** IPv4 ranges allowed to connect to the endpoint (the bridge VPC, and workload VPCs reaching it through the Transit Gateway). */
  readonly allowedCidrs: readonly string[];
}

/**
 * An interface endpoint to a provider's PrivateLink endpoint service, whose security group admits
 * only the given ranges on the provider's ports. Unlike a peering connection, the endpoint's
 * interfaces are addresses of the bridge VPC, so they are reachable through the Transit Gateway.
 */
export class ProviderEndpoint extends Construct {
  public readonly endpoint: ec2.InterfaceVpcEndpoint;
  public readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: ProviderEndpointProps) {
    super(scope, id);
    const problems: string[] = [];
    if (props.ports.length === 0 || props.ports.some((port) => !Number.isInteger(port) || port < 1 || port > 65535)) {
      problems.push(`ports ${JSON.stringify(props.ports)} must list TCP ports from 1 to 65535. Fix: set the provider's "ports", e.g. [443].`);
    }
    if (props.allowedCidrs.length === 0) problems.push('no allowed ranges were given. Fix: admit at least the bridge VPC range.');
    if (problems.length > 0) throw new Error(`ProviderEndpoint ${this.node.path}: ${problems.join(' ')}`);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `Interface endpoint of ${props.providerName}: ${props.ports.join(', ')}/tcp from ${props.allowedCidrs.join(', ')}`,
      allowAllOutbound: false,
    });
    for (const cidr of props.allowedCidrs) {
      for (const port of props.ports) {
        this.securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(port), `${cidr} to ${props.providerName} on TCP ${port}`);
      }
    }
    this.endpoint = new ec2.InterfaceVpcEndpoint(this, 'Endpoint', {
      vpc: props.vpc,
      service: new ec2.InterfaceVpcEndpointService(props.serviceName, props.ports[0]),
      subnets: props.subnets,
      privateDnsEnabled: props.privateDns ?? false,
      securityGroups: [this.securityGroup],
      open: false,
    });
  }
}
