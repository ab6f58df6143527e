/** The composition root: topology → stages of every environment → deploy pipeline → policies. */
import { App } from 'aws-cdk-lib';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import type { GitHubWorkflow } from 'cdk-pipelines-github';
import type { Topology } from '../accounts';
import { applyPolicies, STRICT_VALIDATION_CONTEXT, type AppliedPolicies, type PolicyOptions } from '../policies';
import { createEnvironment, type EnvironmentStages } from './environment';
import { createDeliveryPipeline } from './pipeline/delivery-pipeline';

export interface PlatformAppOptions {
  readonly topology: Topology;
  /**
   * Cloud assembly directory. The deploy workflow refers to it, so keep the default for anything
   * that writes the committed workflow.
   * @default 'cdk.out'
   */
  readonly outdir?: string;
  /**
   * Where the deploy workflow is written.
   * @default '.github/workflows/deploy.yml'
   */
  readonly workflowPath?: string;
  /**
   * Path of the topology file (relative to the repository root) the topology was loaded from; the
   * deploy workflow's synth reads the same file.
   * @default - the embedded example topology
   */
  readonly topologyFile?: string;
  /**
   * Run the built-in CloudFormation validator (it dominates synth time; tests that only read
   * templates may turn it off).
   * @default true
   */
  readonly cloudFormationValidation?: boolean;
  /**
   * Register the cdk-nag packs.
   * @default true
   */
  readonly nagPacks?: boolean;
  /**
   * Which optional rule sources run (Control Tower, our pack); used to measure their cost.
   * @default - every rule source, our pack with the topology's SaaS provider ranges as peering destinations
   */
  readonly policies?: PolicyOptions;
}

export interface PlatformApp {
  readonly app: App;
  readonly environments: readonly EnvironmentStages[];
  readonly pipeline: GitHubWorkflow;
  /** The rule packs registered on the app (none when `nagPacks` is false). */
  readonly policies: AppliedPolicies;
}

/**
 * The Availability Zones of every account, as the context values the `availability-zones` lookup would
 * fill in: the topology names them, so synth never asks AWS (and never falls back to dummy zones).
 */
export function availabilityZoneContext(topology: Topology): Record<string, string[]> {
  const context: Record<string, string[]> = {};
  for (const env of topology.environments) {
    for (const account of Object.values(env.accounts)) {
      context[`availability-zones:account=${account.accountId}:region=${account.region}`] = [...account.availabilityZones];
    }
  }
  return context;
}

export function createPlatformApp(options: PlatformAppOptions): PlatformApp {
  const app = new App({
    outdir: options.outdir ?? 'cdk.out',
    // Feature flags live here, not in cdk.json, so that `cdk synth`, the main job and the tests agree.
    context: { ...CURRENTLY_RECOMMENDED_FLAGS, ...STRICT_VALIDATION_CONTEXT, ...availabilityZoneContext(options.topology) },
    builtinCloudFormationValidation: options.cloudFormationValidation ?? true,
  });
  const environments = options.topology.environments.map((env) => createEnvironment(app, options.topology, env));
  const pipeline = createDeliveryPipeline(app, {
    topology: options.topology,
    environments,
    workflowPath: options.workflowPath,
    topologyFile: options.topologyFile,
  });
  let policies: AppliedPolicies = { nagPacks: [] };
  if (options.nagPacks ?? true) {
    policies = applyPolicies(app, {
      ...options.policies,
      paradigm: { peeringDestinations: options.topology.saasProviders.map((p) => p.cidr), ...options.policies?.paradigm },
    });
  }
  return { app, environments, pipeline, policies };
}
