import type { Construct } from 'constructs';
import { TransitHub } from './transit-hub';
import { PlatformStage, type PlatformStageProps } from '../common/platform-stage';
import { PlatformStack } from '../common/stack';

/** The network hub account: the environment's Transit Gateway. */
export class NetworkHubStage extends PlatformStage {
  public readonly stack: PlatformStack;
  public readonly hub: TransitHub;

  constructor(scope: Construct, props: PlatformStageProps) {
    super(scope, 'networkHub', props);
    this.stack = new PlatformStack(this, 'NetworkHub', { environmentName: props.environment.name, role: 'networkHub' });
    const tgw = props.environment.network.transitGateway;
    this.hub = new TransitHub(this.stack, 'TransitHub', {
      environmentName: props.environment.name,
      amazonSideAsn: tgw.amazonSideAsn,
      autoAcceptSharedAttachments: tgw.autoAcceptSharedAttachments,
    });
  }
}
