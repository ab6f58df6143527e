import { BootstraplessSynthesizer, Stack, Stage, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { DeployRoleGrants } from './deploy-role-grants';
import { GitHubAccess } from './github-access';

/** Accounts whose templates read the network hub's shared parameters. */
const SPOKE_ROLES: readonly AccountRole[] = ['workload', 'saasBridge'];

/** Construct id of the deploy-role grants stack inside a bootstrap stage. */
export const DEPLOY_ROLE_GRANTS_STACK_ID = 'CdkDeployRoleGrants';
import {
  bootstrapStackName, bootstrapStageId, deployRoleGrantsStackName, deploySubject, driftSubject, ROLE_INFO,
  type AccountRole, type EnvironmentConfig, type Topology,
} from '../../accounts';

export interface BootstrapStageProps {
  readonly topology: Topology;
  readonly environment: EnvironmentConfig;
  readonly role: AccountRole;
}

/**
 * The GitHub access of one account. Deployed by `scripts/bootstrap.ts` with operator credentials, never
 * by the pipeline, so that no pipeline change can lock the pipeline out or widen its own access. Its
 * stack needs no CDK bootstrap (it is what comes before it).
 */
export class BootstrapStage extends Stage {
  public readonly stack: Stack;
  public readonly access: GitHubAccess;
  /** Spoke accounts only: grants the CDK deploy role needs (deployed after `cdk bootstrap`). */
  public readonly grantsStack?: Stack;

  constructor(scope: Construct, props: BootstrapStageProps) {
    const account = props.environment.accounts[props.role];
    super(scope, bootstrapStageId(props.environment.name, props.role), { env: { account: account.accountId, region: account.region } });
    this.stack = new Stack(this, 'GitHubAccess', {
      stackName: bootstrapStackName(props.environment.name, props.role),
      description: `Paradigm Platform - GitHub OIDC access of the ${ROLE_INFO[props.role].title} account of ${props.environment.name}`,
      synthesizer: new BootstraplessSynthesizer(),
      terminationProtection: true,
    });
    this.access = new GitHubAccess(this.stack, 'GitHub', {
      deploySubject: deploySubject(props.topology, props.environment.name),
      driftSubject: driftSubject(props.topology),
      deployRoleName: props.topology.oidc.deployRoleName,
      driftRoleName: props.topology.oidc.driftRoleName,
      createOidcProvider: props.topology.oidc.createProvider,
    });
    if (SPOKE_ROLES.includes(props.role)) {
      this.grantsStack = new Stack(this, DEPLOY_ROLE_GRANTS_STACK_ID, {
        stackName: deployRoleGrantsStackName(props.environment.name, props.role),
        description: `Paradigm Platform - grants of the CDK deploy role of the ${ROLE_INFO[props.role].title} account of ${props.environment.name}`,
        synthesizer: new BootstraplessSynthesizer(),
        terminationProtection: true,
      });
      const hub = props.environment.accounts.networkHub;
      new DeployRoleGrants(this.grantsStack, 'Grants', {
        hubParametersArn: `arn:aws:ssm:${hub.region}:${hub.accountId}:parameter/paradigm/${props.environment.name}/network-hub/*`,
      });
    }
    Tags.of(this).add('Environment', props.environment.name);
    Tags.of(this).add('Owner', props.topology.tags.owner);
    Tags.of(this).add('CostCenter', props.topology.tags.costCenter);
    Tags.of(this).add('DataClassification', props.topology.tags.dataClassification);
  }
}
