import type { Construct } from 'constructs';
import { PlatformStage, type PlatformStageProps } from '../common/platform-stage';
import { PrivateVpc } from '../common/private-vpc';
import { PlatformStack } from '../common/stack';

/** Subnet groups of the workload ("Customer") VPC. */
export const WORKLOAD_SUBNETS = [
  { name: 'compute', cidrMask: 20 },
  { name: 'eks', cidrMask: 20 },
  { name: 'data', cidrMask: 24 },
  { name: 'transit', cidrMask: 28 },
] as const;

/** The workload account: the private "Customer VPC". */
export class WorkloadStage extends PlatformStage {
  public readonly stack: PlatformStack;
  public readonly network: PrivateVpc;

  constructor(scope: Construct, props: PlatformStageProps) {
    super(scope, 'workload', props);
    this.stack = new PlatformStack(this, 'Workload', { environmentName: props.environment.name, role: 'workload' });
    this.network = new PrivateVpc(this.stack, 'Network', {
      name: `paradigm-${props.environment.name}-workload`,
      availabilityZones: props.environment.accounts.workload.availabilityZones,
      cidr: props.environment.network.workloadVpcCidr,
      subnets: WORKLOAD_SUBNETS,
    });
  }
}
