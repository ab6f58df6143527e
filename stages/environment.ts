import type { Construct } from 'constructs';
import type { AccountRole, EnvironmentConfig, Topology } from '../accounts';
import { markAuditArchive } from '../policies';
import { AuditStage } from './audit';
import { BootstrapStage } from './bootstrap';
import { acknowledge, acknowledgeAccessLogBucket, type PlatformStage } from './common';
import { NetworkHubStage } from './network-hub';
import { SaasBridgeStage } from './saas-bridge';
import { WorkloadStage } from './workload';

/** The four account stages of one environment. */
export interface EnvironmentStages {
  readonly name: string;
  readonly config: EnvironmentConfig;
  readonly stages: Readonly<Record<AccountRole, PlatformStage>>;
  /** The GitHub access of every account, deployed by scripts/bootstrap.ts, not by the pipeline. */
  readonly bootstrap: Readonly<Record<AccountRole, BootstrapStage>>;
}

/** Creates the four account stages of `environment` under `scope`. */
export function createEnvironment(scope: Construct, topology: Topology, environment: EnvironmentConfig): EnvironmentStages {
  const props = { topology, environment };
  const bootstrap = (role: AccountRole) => new BootstrapStage(scope, { topology, environment, role });
  const audit = new AuditStage(scope, props);
  // The audit and network-hub stages (issue 3) predate the Paradigm pack and the Control Tower controls: their
  // marks and acknowledgements are applied here, on their constructs, until those stages apply them themselves.
  markAuditArchive(audit.archive.bucket);
  acknowledgeAccessLogBucket(audit.archive.accessLogsBucket);
  const networkHub = new NetworkHubStage(scope, props);
  const index = topology.environments.indexOf(environment);
  if (environment.network.transitGateway.autoAcceptSharedAttachments) {
    // "Configured" auto-accept (Paradigm-TransitGatewayNoAutoAccept): the topology says so, and the report shows it.
    acknowledge(networkHub.hub.transitGateway, 'Paradigm::Paradigm-TransitGatewayNoAutoAccept',
      `Configured in the topology: environments[${index}].network.transitGateway.autoAcceptSharedAttachments is true for ${environment.name}; `
      + 'attachments from the accounts the gateway is shared with are accepted without a manual step, as decided for this environment.');
  }
  return {
    name: environment.name,
    config: environment,
    stages: {
      audit,
      networkHub,
      workload: new WorkloadStage(scope, props),
      saasBridge: new SaasBridgeStage(scope, props),
    },
    bootstrap: {
      audit: bootstrap('audit'),
      networkHub: bootstrap('networkHub'),
      workload: bootstrap('workload'),
      saasBridge: bootstrap('saasBridge'),
    },
  };
}
