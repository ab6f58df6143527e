import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { DirectConnect } from './direct-connect';
import { EnrolmentRoles } from './enrolment-roles';
import { HubPublication } from './hub-publication';
import { SegmentRouteTables } from './segment-route-tables';
import { TransitFlowLog } from './transit-flow-log';
import { TransitHub } from './transit-hub';
import { stackName } from '../../accounts';
import { AccountTrail } from '../common/account-trail';
import { acknowledge } from '../common/acknowledge';
import { enrolmentRoleName, hubParameterName, sdkCallsRoleName } from '../common/platform-names';
import { PlatformStage, type PlatformStageProps } from '../common/platform-stage';
import { PlatformStack } from '../common/stack';

/**
 * The network hub account: the environment's Transit Gateway with one route table per segment,
 * shared with the spoke accounts through RAM, its ids published for the spokes, the roles through
 * which spokes join their segment, flow logs, optional Direct Connect, and this account's trail.
 */
export class NetworkHubStage extends PlatformStage {
  public readonly stack: PlatformStack;
  public readonly hub: TransitHub;
  public readonly segments: SegmentRouteTables;
  public readonly publication: HubPublication;
  public readonly enrolment: EnrolmentRoles;
  public readonly flowLog: TransitFlowLog;
  public readonly directConnect?: DirectConnect;
  public readonly trail?: AccountTrail;

  constructor(scope: Construct, props: PlatformStageProps) {
    super(scope, 'networkHub', props);
    const env = props.environment;
    const network = env.network;
    const tgw = network.transitGateway;
    const bridgeToOnPremise = network.segmentation.saasBridgeToOnPremise;
    this.stack = new PlatformStack(this, 'NetworkHub', { environmentName: env.name, role: 'networkHub' });
    this.hub = new TransitHub(this.stack, 'TransitHub', {
      environmentName: env.name,
      amazonSideAsn: tgw.amazonSideAsn,
      autoAcceptSharedAttachments: tgw.autoAcceptSharedAttachments,
    });
    if (tgw.autoAcceptSharedAttachments) {
      // "Configured" auto-accept (Paradigm-TransitGatewayNoAutoAccept): the topology says so, and the report shows it.
      const index = props.topology.environments.indexOf(env);
      const reason = `Configured in the topology: environments[${index}].network.transitGateway.autoAcceptSharedAttachments is true for ${env.name}; `
        + 'spokes enrol their own attachments through the hub\'s enrolment roles, which requires accepting them without a manual step.';
      acknowledge(this.hub.transitGateway, 'Paradigm::Paradigm-TransitGatewayNoAutoAccept', reason);
      acknowledge(this.hub.transitGateway, 'cdk-validator-cfnguard::ec2_transit_gateway_auto_vpc_attach_disabled_check', `CT.EC2.PR.16: ${reason}`);
    }
    const transitGatewayId = this.hub.transitGateway.ref;
    this.segments = new SegmentRouteTables(this.stack, 'Segments', {
      environmentName: env.name,
      transitGatewayId,
      onPremiseCidrs: props.topology.onPremiseCidrs,
      saasBridgeCidr: network.saasBridgeVpcCidr,
      saasProviderCidrs: props.topology.saasProviders.map((p) => p.cidr),
      saasBridgeToOnPremise: bridgeToOnPremise,
    });
    const spokeAccounts = { workload: env.accounts.workload.accountId, saasBridge: env.accounts.saasBridge.accountId };
    this.publication = new HubPublication(this.stack, 'Publication', {
      environmentName: env.name,
      parameterName: (key) => hubParameterName(env, key),
      transitGatewayId,
      routeTableIds: {
        workload: this.segments.tables.workload.ref,
        saasBridge: this.segments.tables.saasBridge.ref,
        onPremise: this.segments.tables.onPremise.ref,
      },
      spokeAccounts: [spokeAccounts.workload, spokeAccounts.saasBridge],
      allowExternalPrincipals: props.topology.organization === undefined,
    });
    this.enrolment = new EnrolmentRoles(this.stack, 'Enrolment', {
      environmentName: env.name,
      roleName: (segment) => enrolmentRoleName(env, segment),
      spokeAccounts,
      spokeRoleNames: { workload: sdkCallsRoleName(stackName(env.name, 'workload')), saasBridge: sdkCallsRoleName(stackName(env.name, 'saasBridge')) },
      tables: this.segments.tables,
      saasBridgeToOnPremise: bridgeToOnPremise,
    });
    this.flowLog = new TransitFlowLog(this.stack, 'FlowLog', {
      environmentName: env.name,
      transitGatewayId,
      retention: network.flowLogRetentionDays as logs.RetentionDays,
    });
    if (network.directConnect) {
      this.directConnect = new DirectConnect(this.stack, 'DirectConnect', {
        environmentName: env.name,
        options: network.directConnect,
        transitGatewayId,
        tables: this.segments.tables,
        saasBridgeToOnPremise: bridgeToOnPremise,
      });
    }
    this.trail = AccountTrail.forAccount(this.stack, 'Trail', props.topology, env, 'networkHub');
  }
}
