import { BootstraplessSynthesizer, Stack, Stage, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { GitHubAccess } from './github-access';
import {
  bootstrapStackName, bootstrapStageId, deploySubject, driftSubject, ROLE_INFO,
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
    });
    Tags.of(this).add('Environment', props.environment.name);
    Tags.of(this).add('Owner', props.topology.tags.owner);
    Tags.of(this).add('CostCenter', props.topology.tags.costCenter);
    Tags.of(this).add('DataClassification', props.topology.tags.dataClassification);
  }
}
