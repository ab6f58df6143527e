import { CfnOutput } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import { DataExchange } from './data-exchange';
import { BridgeGatewayEndpoints } from './gateway-endpoints';
import { BRIDGE_SUBNET_GROUP, BRIDGE_SUBNETS, TRANSIT_SUBNET_GROUP } from './names';
import { SaasProviderLink } from './provider-link';
import { AccountTrail } from '../common/account-trail';
import { PlatformStage, type PlatformStageProps } from '../common/platform-stage';
import { PrivateVpc } from '../common/private-vpc';
import { PlatformStack } from '../common/stack';
import { TransitAttachment } from '../common/transit-attachment';

/**
 * The SaaS bridge account: the bridge VPC through which third-party providers are reached (VPC
 * peering or PrivateLink), the data-exchange bucket, the roles providers assume, and the outbound
 * chain to provider DynamoDB tables.
 */
export class SaasBridgeStage extends PlatformStage {
  public readonly stack: PlatformStack;
  public readonly network: PrivateVpc;
  /** Peering routes, endpoint interfaces and bridge services; their route tables need the routes toward the Transit Gateway. */
  public readonly bridgeSubnets: ec2.SelectedSubnets;
  /** Reserved for the Transit Gateway attachment. */
  public readonly transitSubnets: ec2.SelectedSubnets;
  /** The attachment to the environment's Transit Gateway, with routes to the workload VPC. */
  public readonly transit: TransitAttachment;
  /** This account's trail into the audit archive (none when an organization trail records it). */
  public readonly trail?: AccountTrail;
  public readonly endpoints: BridgeGatewayEndpoints;
  public readonly dataExchange: DataExchange;
  public readonly providers: readonly SaasProviderLink[];

  constructor(scope: Construct, props: PlatformStageProps) {
    super(scope, 'saasBridge', props);
    const envName = props.environment.name;
    const name = `paradigm-${envName}-saas-bridge`;
    this.stack = new PlatformStack(this, 'SaasBridge', { environmentName: envName, role: 'saasBridge' });
    this.network = new PrivateVpc(this.stack, 'Network', {
      name,
      availabilityZones: props.environment.accounts.saasBridge.availabilityZones,
      cidr: props.environment.network.saasBridgeVpcCidr,
      subnets: BRIDGE_SUBNETS,
    });
    const vpc = this.network.vpc;
    this.bridgeSubnets = vpc.selectSubnets({ subnetGroupName: BRIDGE_SUBNET_GROUP });
    this.transitSubnets = vpc.selectSubnets({ subnetGroupName: TRANSIT_SUBNET_GROUP });

    const providers = props.topology.saasProviders;
    this.endpoints = new BridgeGatewayEndpoints(this.stack, 'GatewayEndpoints', {
      vpc,
      subnets: { subnetGroupName: BRIDGE_SUBNET_GROUP },
      providerTables: providers.flatMap((p) => (p.dynamodb ? [p.dynamodb] : [])),
    });
    this.dataExchange = new DataExchange(this.stack, 'DataExchange', { name });

    this.providers = providers.map((provider) => new SaasProviderLink(this.stack, `Provider-${provider.name}`, {
      provider,
      environmentName: envName,
      vpc,
      bridgeSubnets: this.bridgeSubnets,
      bridgeVpcCidr: props.environment.network.saasBridgeVpcCidr,
      workloadVpcCidr: props.environment.network.workloadVpcCidr,
      workloadAccountId: props.environment.accounts.workload.accountId,
      dataExchange: this.dataExchange,
    }));

    // Workloads (and on-premise, when the segmentation allows it) reach the bridge through the Transit
    // Gateway. Provider ranges never go to the Transit Gateway: peering is not transitive.
    const network = props.environment.network;
    this.transit = new TransitAttachment(this.stack, 'Transit', {
      environment: props.environment,
      segment: 'saasBridge',
      vpc,
      attachmentSubnets: { subnetGroupName: TRANSIT_SUBNET_GROUP },
      routedSubnets: { subnetGroupName: BRIDGE_SUBNET_GROUP },
      destinationCidrs: [network.workloadVpcCidr, ...(network.segmentation.saasBridgeToOnPremise ? props.topology.onPremiseCidrs : [])],
    });
    this.trail = AccountTrail.forAccount(this.stack, 'Trail', props.topology, props.environment, 'saasBridge');

    new CfnOutput(this.stack, 'DataExchangeBucketName', { value: this.dataExchange.bucket.bucketName, description: 'Bucket through which files are exchanged with SaaS providers' });
  }
}
