import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { CFN_EXECUTION_POLICY_NAME, GITHUB_OIDC_HOST, OIDC_AUDIENCE } from '../../accounts';
import { acknowledge } from '../common/acknowledge';

export interface GitHubAccessProps {
  /** Exact OIDC `sub` the deploy role trusts: the repository and this account's GitHub environment. */
  readonly deploySubject: string;
  /** Exact OIDC `sub` the read-only drift role trusts: the repository's default branch. */
  readonly driftSubject: string;
  readonly deployRoleName: string;
  readonly driftRoleName: string;
  /**
   * Qualifier of the account's CDK bootstrap roles.
   * @default 'hnb659fds' (the CDK default)
   */
  readonly bootstrapQualifier?: string;
}

/** Services whose resources the platform's stacks declare; the CloudFormation execution policy covers these only. */
export const DEPLOYABLE_SERVICES = [
  'autoscaling', 'cloudformation', 'cloudtrail', 'cloudwatch', 'config', 'directconnect', 'dynamodb', 'ec2', 'ecr', 'eks',
  'elasticloadbalancing', 'events', 'kms', 'lambda', 'logs', 'ram', 'rds', 'redshift', 'route53', 's3', 'secretsmanager',
  'sns', 'sqs', 'ssm', 'sts',
] as const;

/**
 * What GitHub Actions may do in one account: the GitHub OIDC provider, a deploy role that trusts only
 * this repository's environment and can only assume the account's CDK bootstrap roles, a read-only
 * drift role, and the CloudFormation execution policy that `cdk bootstrap` gives CloudFormation instead
 * of AdministratorAccess. Nothing the pipeline deploys can change these.
 */
export class GitHubAccess extends Construct {
  public readonly provider: iam.OidcProviderNative;
  public readonly deployRole: iam.Role;
  public readonly driftRole: iam.Role;
  public readonly executionPolicy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: GitHubAccessProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const qualifier = props.bootstrapQualifier ?? 'hnb659fds';

    this.provider = new iam.OidcProviderNative(this, 'Provider', {
      url: `https://${GITHUB_OIDC_HOST}`,
      clientIds: [OIDC_AUDIENCE],
    });
    const trust = (sub: string) => new iam.WebIdentityPrincipal(this.provider.oidcProviderArn, {
      StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: OIDC_AUDIENCE, [`${GITHUB_OIDC_HOST}:sub`]: sub },
    });

    const bootstrapRoles = ['deploy', 'file-publishing', 'image-publishing', 'lookup'].map((r) =>
      stack.formatArn({ service: 'iam', region: '', resource: 'role', resourceName: `cdk-${qualifier}-${r}-role-${stack.account}-${stack.region}` }));
    this.deployRole = new iam.Role(this, 'DeployRole', {
      roleName: props.deployRoleName,
      description: 'GitHub deploy workflow: may only assume this account\'s CDK bootstrap roles',
      assumedBy: trust(props.deploySubject),
      maxSessionDuration: Duration.hours(1),
      managedPolicies: [
        new iam.ManagedPolicy(this, 'AssumeBootstrapRoles', {
          statements: [new iam.PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: bootstrapRoles })],
        }),
      ],
    });

    const platformStacks = stack.formatArn({ service: 'cloudformation', resource: 'stack', resourceName: 'paradigm-*/*' });
    const detectDrift = new iam.ManagedPolicy(this, 'DetectDrift', {
      statements: [
        new iam.PolicyStatement({
          actions: ['cloudformation:DetectStackDrift', 'cloudformation:DetectStackResourceDrift', 'cloudformation:DescribeStackResourceDrifts', 'cloudformation:DescribeStacks', 'cloudformation:ListStackResources'],
          resources: [platformStacks],
        }),
        new iam.PolicyStatement({ actions: ['cloudformation:DescribeStackDriftDetectionStatus', 'cloudformation:ListStacks'], resources: ['*'] }),
      ],
    });
    acknowledge(detectDrift, 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      'DescribeStackDriftDetectionStatus and ListStacks do not support resource-level permissions (IAM service authorization reference).');
    acknowledge(detectDrift, `AwsSolutions::AwsSolutions-IAM5[Resource::${platformStacks}]`,
      'Limited to the platform\'s own stacks (every stack name starts with paradigm-); stack ids carry a generated suffix.');
    this.driftRole = new iam.Role(this, 'DriftRole', {
      roleName: props.driftRoleName,
      description: 'GitHub drift workflow: reads stack drift and resource configuration, never data',
      assumedBy: trust(props.driftSubject),
      maxSessionDuration: Duration.hours(1),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('SecurityAudit'), detectDrift],
    });
    acknowledge(this.driftRole, 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/SecurityAudit]',
      'Drift detection reads every resource type of the stacks; SecurityAudit is the AWS-maintained read-only set of configuration reads and grants no data access.');

    const account = stack.account;
    const protectedArns = [
      `arn:${stack.partition}:iam::${account}:role/${props.deployRoleName}`,
      `arn:${stack.partition}:iam::${account}:role/${props.driftRoleName}`,
      `arn:${stack.partition}:iam::${account}:policy/${CFN_EXECUTION_POLICY_NAME}`,
      `arn:${stack.partition}:iam::${account}:oidc-provider/${GITHUB_OIDC_HOST}`,
    ];
    const ownIam = ['role', 'policy', 'instance-profile'].map((t) => `arn:${stack.partition}:iam::${account}:${t}/paradigm-*`);
    this.executionPolicy = new iam.ManagedPolicy(this, 'ExecutionPolicy', {
      managedPolicyName: CFN_EXECUTION_POLICY_NAME,
      description: 'What CloudFormation may do when the pipeline deploys: the platform\'s services, IAM only for its own roles',
      statements: [
        new iam.PolicyStatement({ sid: 'PlatformServices', actions: DEPLOYABLE_SERVICES.map((s) => `${s}:*`), resources: ['*'] }),
        new iam.PolicyStatement({
          sid: 'OwnIamResourcesOnly',
          actions: ['iam:*'],
          resources: ownIam,
        }),
        new iam.PolicyStatement({ sid: 'ServiceLinkedRoles', actions: ['iam:CreateServiceLinkedRole', 'iam:GetRole', 'iam:ListRoles'], resources: ['*'] }),
        new iam.PolicyStatement({ sid: 'NeverTheGitHubAccess', effect: iam.Effect.DENY, actions: ['iam:*'], resources: protectedArns }),
      ],
    });
    for (const finding of ['Resource::*', ...DEPLOYABLE_SERVICES.map((s) => `Action::${s}:*`), 'Action::iam:*', ...ownIam.map((arn) => `Resource::${arn}`)]) {
      acknowledge(this.executionPolicy, `AwsSolutions::AwsSolutions-IAM5[${finding}]`,
        'CloudFormation execution policy: CloudFormation must create, update and delete any resource the reviewed templates declare in these services; IAM is limited to paradigm-* resources and the GitHub access is denied.');
    }
    for (const ruleId of ['HIPAA.Security::HIPAA.Security-IAMPolicyNoStatementsWithFullAccess', 'NIST.800.53.R5::NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess',
      'cdk-validator-cfnguard::iam_managed_policy_no_statements_with_full_access_check']) {
      acknowledge(this.executionPolicy, ruleId,
        'Attached only to the CDK CloudFormation execution role, used by CloudFormation to apply templates that passed review and every validator; no person or workload holds it, and it cannot touch the GitHub access roles.');
    }
  }
}
