import { Stage, Tags, type StageProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ROLE_INFO, stageId, type AccountRole, type EnvironmentConfig, type Topology } from '../../accounts';

/** What every account-role stage receives: the whole topology and its own environment. */
export interface PlatformStageProps extends Omit<StageProps, 'env'> {
  readonly topology: Topology;
  readonly environment: EnvironmentConfig;
}

/**
 * Base of the four account-role stages: pins the stage to its account and region from the
 * topology and applies the required tags to everything in it.
 */
export abstract class PlatformStage extends Stage {
  public readonly role: AccountRole;
  public readonly topology: Topology;
  public readonly environment: EnvironmentConfig;

  protected constructor(scope: Construct, role: AccountRole, props: PlatformStageProps) {
    const account = props.environment.accounts[role];
    super(scope, stageId(props.environment.name, role), {
      ...props,
      env: { account: account.accountId, region: account.region },
    });
    this.role = role;
    this.topology = props.topology;
    this.environment = props.environment;

    const tags = Tags.of(this);
    tags.add('Environment', props.environment.name);
    tags.add('Owner', props.topology.tags.owner);
    tags.add('CostCenter', props.topology.tags.costCenter);
    tags.add('DataClassification', props.topology.tags.dataClassification);
    tags.add('paradigm:account-role', ROLE_INFO[role].slug);
    tags.add('paradigm:repository', `${props.topology.github.owner}/${props.topology.github.repository}`);
  }
}
