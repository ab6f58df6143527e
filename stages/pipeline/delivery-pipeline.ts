import type { App } from 'aws-cdk-lib';
import { ShellStep } from 'aws-cdk-lib/pipelines';
import { StackCapabilities, type GitHubWorkflow } from 'cdk-pipelines-github';
import { DEPLOY_TIERS, gitHubEnvironmentName, ROLE_INFO, type Topology } from '../../accounts';
import type { EnvironmentStages } from '../environment';
import { PerAccountOidcCredentials } from './credentials';
import { PlatformWorkflow } from './platform-workflow';

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
  const pipeline = new PlatformWorkflow(app, 'Pipeline', {
    workflowName: DEPLOY_WORKFLOW_NAME,
    workflowPath: props.workflowPath ?? DEPLOY_WORKFLOW_PATH,
    workflowTriggers: { push: { branches: [topology.github.defaultBranch] }, workflowDispatch: {} },
    synth: new ShellStep('Build', {
      commands: ['npm ci', 'npm run platform'],
    }),
    awsCreds: credentials,
    roleArnForAccount: (account) => credentials.roleArn(account),
    environments: props.environments.map((env) => ({
      name: env.name,
      accounts: Object.values(env.config.accounts).map((a) => a.accountId),
      approvalRequired: env.config.approval.required,
    })),
    // One deploy at a time; a running deploy is never cancelled (a newer push waits its turn).
    concurrency: { group: `${DEPLOY_WORKFLOW_NAME}-\${{ github.ref }}`, cancelInProgress: false },
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
