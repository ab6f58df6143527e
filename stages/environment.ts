import type { Construct } from 'constructs';
import type { AccountRole, EnvironmentConfig, Topology } from '../accounts';
import { AuditStage } from './audit';
import type { PlatformStage } from './common';
import { NetworkHubStage } from './network-hub';
import { SaasBridgeStage } from './saas-bridge';
import { WorkloadStage } from './workload';

/** The four account stages of one environment. */
export interface EnvironmentStages {
  readonly name: string;
  readonly config: EnvironmentConfig;
  readonly stages: Readonly<Record<AccountRole, PlatformStage>>;
}

/** Creates the four account stages of `environment` under `scope`. */
export function createEnvironment(scope: Construct, topology: Topology, environment: EnvironmentConfig): EnvironmentStages {
  const props = { topology, environment };
  return {
    name: environment.name,
    config: environment,
    stages: {
      audit: new AuditStage(scope, props),
      networkHub: new NetworkHubStage(scope, props),
      workload: new WorkloadStage(scope, props),
      saasBridge: new SaasBridgeStage(scope, props),
    },
  };
}
