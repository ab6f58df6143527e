import type { Construct } from 'constructs';
import type { AccountRole, EnvironmentConfig, Topology } from '../accounts';
import { AuditStage } from './audit';
import { BootstrapStage } from './bootstrap';
import type { PlatformStage } from './common';
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
  const networkHub = new NetworkHubStage(scope, props);
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
