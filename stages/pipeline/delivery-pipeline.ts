import type { App } from 'aws-cdk-lib';
import { ShellStep } from 'aws-cdk-lib/pipelines';
import { StackCapabilities, type GitHubWorkflow } from 'cdk-pipelines-github';
import { CDK_ASSETS_VERSION } from './action-pins';
import type { EnvironmentStages } from '../environment';
import { PerAccountOidcCredentials } from './credentials';
import { PlatformWorkflow } from './platform-workflow';
import { DEPLOY_TIERS, gitHubEnvironmentName, ROLE_INFO, TOPOLOGY_ENV_VAR, type Topology } from '../../accounts';

/** Path of the generated deploy workflow, relative to the repository root. */
export const DEPLOY_WORKFLOW_PATH = '.github/workflows/deploy.yml';
export const DEPLOY_WORKFLOW_NAME = 'deploy';

export interface DeliveryPipelineProps {
  readonly topology: Topology;
  /** Stages of every environment, in promotion order. */
  readonly environments: readonly EnvironmentStages[];
  /**
   * Where the workflow file is written.
   * @default DEPLOY_WORKFLOW_PATH (relative to the working directory)
   */
  readonly workflowPath?: string;
  /**
   * Repository-relative path of the topology file the app was synthesized from; the workflow's synth
   * then reads the same file.
   * @default - the embedded example topology
   */
  readonly topologyFile?: string;
}

/**
 * The GitHub deploy workflow: environments are promoted in topology order; inside an environment the
 * account stages deploy in dependency tiers (audit, then network hub, then workload and SaaS bridge
 * in parallel). cdk-pipelines waves cannot order stages inside one wave, so each environment is a
 * run of consecutive waves, one per tier.
 */
export function createDeliveryPipeline(app: App, props: DeliveryPipelineProps): GitHubWorkflow {
  const { topology } = props;
  const credentials = new PerAccountOidcCredentials(topology.oidc.deployRoleName);
  const regions = new Map(props.environments.flatMap((env) => Object.values(env.config.accounts).map((a) => [a.accountId, a.region] as const)));
  const pipeline = new PlatformWorkflow(app, 'Pipeline', {
    workflowName: DEPLOY_WORKFLOW_NAME,
    workflowPath: props.workflowPath ?? DEPLOY_WORKFLOW_PATH,
    workflowTriggers: { push: { branches: [topology.github.defaultBranch] }, workflowDispatch: {} },
    // Only the default branch deploys, also when the workflow is dispatched by hand.
    jobSettings: { if: `github.ref == 'refs/heads/${topology.github.defaultBranch}'` },
    synth: new ShellStep('Build', {
      commands: ['npm ci', 'npm run platform'],
      env: props.topologyFile ? { [TOPOLOGY_ENV_VAR]: props.topologyFile } : {},
    }),
    cdkAssetsVersion: CDK_ASSETS_VERSION,
    awsCreds: credentials,
    roleArnForAccount: (account) => credentials.roleArn(account),
    regionForAccount: (account) => regions.get(account)!,
    environments: props.environments.map((env) => ({
      name: env.name,
      accounts: Object.values(env.config.accounts).map((a) => a.accountId),
      approvalRequired: env.config.approval.required,
    })),
    // One deploy at a time; a running deploy is never cancelled (a newer push waits its turn).
    concurrency: { group: DEPLOY_WORKFLOW_NAME, cancelInProgress: false },
  });

  for (const env of props.environments) {
    DEPLOY_TIERS.forEach((roles) => {
      const wave = pipeline.addGitHubWave(`${env.name}-${roles.map((r) => ROLE_INFO[r].slug).join('-and-')}`);
      for (const role of roles) {
        wave.addStageWithGitHubOptions(env.stages[role], {
          gitHubEnvironment: { name: gitHubEnvironmentName(env.name) },
          // Stacks name some IAM roles (enrolment, provider and SDK-call roles): CloudFormation needs the named-IAM capability.
          stackCapabilities: [StackCapabilities.NAMED_IAM],
        });
      }
    });
  }
  return pipeline;
}
