import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { EXTERNAL_ID_RE } from '../../accounts';
import { acknowledge } from '../common/acknowledge';

export interface ProviderDynamoDbAccessProps {
  /** Name of the role (workloads need its ARN). */
  readonly roleName: string;
  /** Provider name, used in descriptions. */
  readonly providerName: string;
  /** The workload account of the same environment; its IAM roles may assume this role. */
  readonly workloadAccountId: string;
  /** The provider's role that grants access to its tables. */
  readonly providerRoleArn: string;
  /** External id the provider's role requires. */
  readonly externalId: string;
  /** The provider's tables (and indexes) Paradigm may use. */
  readonly tableArns: readonly string[];
  /** DynamoDB actions Paradigm may use on those tables. */
  readonly actions: readonly string[];
}

/** The session policy that limits a session of the provider's role to the configured tables and actions. */
export function dynamoDbSessionPolicy(tableArns: readonly string[], actions: readonly string[]): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'ConfiguredTablesOnly', Effect: 'Allow', Action: [...actions], Resource: [...tableArns] }],
  };
}

/**
 * The first link of the outbound chain to a provider's DynamoDB tables: a role of the bridge account
 * that roles of the workload account of the same environment may assume, and that may do one thing: assume
 * the provider's role, presenting the provider's external id. Callers pass the session policy
 * (stack output `<id>SessionPolicy`) so that the provider session reaches only the configured
 * tables with the configured actions, whatever the provider's role allows.
 */
export class ProviderDynamoDbAccess extends Construct {
  public readonly role: iam.Role;
  /** JSON of the session policy to pass when assuming the provider's role. */
  public readonly sessionPolicy: string;

  constructor(scope: Construct, id: string, props: ProviderDynamoDbAccessProps) {
    super(scope, id);
    const problems: string[] = [];
    if (props.tableArns.length === 0) problems.push('no table ARNs were given. Fix: list the provider tables Paradigm needs.');
    if (props.actions.length === 0) problems.push('no actions were given. Fix: list the DynamoDB actions Paradigm needs.');
    if (!EXTERNAL_ID_RE.test(props.externalId)) problems.push(`external id ${JSON.stringify(props.externalId)} breaks the STS rules. Fix: use 2–1224 characters of [\\w+=,.@:/-].`);
    if ([...props.tableArns, ...props.actions].some((v) => v.includes('*'))) problems.push('a table ARN or action contains "*". Fix: name every table and action explicitly.');
    if (problems.length > 0) throw new Error(`ProviderDynamoDbAccess ${this.node.path}: ${problems.join(' ')}`);

    this.sessionPolicy = JSON.stringify(dynamoDbSessionPolicy(props.tableArns, props.actions));
    this.role = new iam.Role(this, 'Role', {
      roleName: props.roleName,
      description: `Workloads assume this role to assume ${props.providerName}'s table-access role with its external id`,
      // Roles of the workload account only (workload services run under roles; no IAM users, no root).
      assumedBy: new iam.AccountPrincipal(props.workloadAccountId).withConditions({
        ArnLike: { 'aws:PrincipalArn': `arn:${Stack.of(this).partition}:iam::${props.workloadAccountId}:role/*` },
      }),
      maxSessionDuration: Duration.hours(1),
      managedPolicies: [
        new iam.ManagedPolicy(this, 'AssumeProviderRole', {
          description: `Assume ${props.providerName}'s table-access role, with its external id only`,
          statements: [
            new iam.PolicyStatement({
              sid: 'AssumeProviderTableRole',
              actions: ['sts:AssumeRole'],
              resources: [props.providerRoleArn],
              conditions: { StringEquals: { 'sts:ExternalId': props.externalId } },
            }),
          ],
        }),
      ],
    });
    acknowledge(this.role, 'Paradigm::Paradigm-CrossAccountTrustCondition',
      'Trusted account is this environment\'s own workload account from the topology, limited to its IAM roles (ArnLike aws:PrincipalArn); the topology names no AWS Organization id to pin, and the third-party hop to the provider requires sts:ExternalId.');
    new CfnOutput(this, 'RoleArn', { description: `Workload roles assume this role to reach ${props.providerName}'s DynamoDB tables`, value: this.role.roleArn });
    new CfnOutput(this, 'SessionPolicy', {
      description: `Session policy to pass (Policy parameter) when assuming ${props.providerRoleArn}`,
      value: this.sessionPolicy,
    });
  }
}
