import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../common/acknowledge';

export interface DeployRoleGrantsProps {
  /** ARN pattern of the parameters the network hub shares with this account, e.g. `arn:aws:ssm:…:parameter/paradigm/dev/network-hub/*`. */
  readonly hubParametersArn: string;
  /**
   * Qualifier of the account's CDK bootstrap roles.
   * @default 'hnb659fds' (the CDK default)
   */
  readonly bootstrapQualifier?: string;
}

/**
 * What the account's CDK deploy role needs beyond the bootstrap template: a spoke's templates read the
 * hub's shared SSM parameters (`AWS::SSM::Parameter::Value<String>` parameters), and CloudFormation
 * resolves them with the credentials of the caller of CreateChangeSet, the CDK deploy role, whose own
 * policy must allow reading them in the hub account. Deployed after `cdk bootstrap` (the role must exist).
 */
export class DeployRoleGrants extends Construct {
  public readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: DeployRoleGrantsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const deployRole = iam.Role.fromRoleName(this, 'CdkDeployRole', `cdk-${props.bootstrapQualifier ?? 'hnb659fds'}-deploy-role-${stack.account}-${stack.region}`);
    this.policy = new iam.ManagedPolicy(this, 'ReadHubParameters', {
      description: 'Lets CloudFormation change sets created by the CDK deploy role resolve the network hub\'s shared parameters',
      statements: [new iam.PolicyStatement({ actions: ['ssm:GetParameter', 'ssm:GetParameters'], resources: [props.hubParametersArn] })],
      roles: [deployRole],
    });
    acknowledge(this.policy, `AwsSolutions::AwsSolutions-IAM5[Resource::${props.hubParametersArn}]`,
      'Read-only access to the parameters the environment\'s network hub publishes for its spokes (one prefix, the hub account only).');
  }
}
