import type { Construct } from 'constructs';
import { PlatformStage, type PlatformStageProps } from '../common/platform-stage';
import { PrivateVpc } from '../common/private-vpc';
import { PlatformStack } from '../common/stack';

/** Subnet groups of the SaaS bridge VPC. */
export const BRIDGE_SUBNETS = [
  { name: 'bridge', cidrMask: 24 },
  { name: 'transit', cidrMask: 28 },
] as const;

/** The SaaS bridge account: the bridge VPC through which third-party providers are reached. */
export class SaasBridgeStage extends PlatformStage {
  public readonly stack: PlatformStack;
  public readonly network: PrivateVpc;

  constructor(scope: Construct, props: PlatformStageProps) {
    super(scope, 'saasBridge', props);
    this.stack = new PlatformStack(this, 'SaasBridge', { environmentName: props.environment.name, role: 'saasBridge' });
    this.network = new PrivateVpc(this.stack, 'Network', {
      name: `paradigm-${props.environment.name}-saas-bridge`,
      availabilityZones: props.environment.accounts.saasBridge.availabilityZones,
      cidr: props.environment.network.saasBridgeVpcCidr,
      subnets: BRIDGE_SUBNETS,
    });
  }
}
