import type { Construct } from 'constructs';
import type { AccountRole, EnvironmentConfig, Topology } from '../accounts';
import { markAuditArchive } from '../policies';
import { AuditStage } from './audit';
import { BootstrapStage } from './bootstrap';
import { acknowledgeAccessLogBucket, type PlatformStage } from './common';
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
  // The audit stage (issue 3) predates the Paradigm pack and the Control Tower controls: mark its archive for
  // Paradigm-AuditArchiveObjectLock and give its access-log bucket the shared acknowledgements.
  markAuditArchive(audit.archive.bucket);
  acknowledgeAccessLogBucket(audit.archive.accessLogsBucket);
  return {
    name: environment.name,
    config: environment,
    stages: {
      audit,
      networkHub: new NetworkHubStage(scope, props),
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
