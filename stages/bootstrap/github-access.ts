import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { CFN_EXECUTION_POLICY_NAME, GITHUB_OIDC_HOST, OIDC_AUDIENCE, PERMISSIONS_BOUNDARY_NAME } from '../../accounts';
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
  /**
   * Create the account's GitHub OIDC provider. An account has at most one provider per issuer URL: set
   * false when it already has one (it is then referenced, not managed, by this stack).
   * @default true
   */
  readonly createOidcProvider?: boolean;
}

/** Services whose resources the platform's stacks declare; the CloudFormation execution policy covers these only. */
export const DEPLOYABLE_SERVICES = [
  'autoscaling', 'backup', 'backup-storage', 'cloudformation', 'cloudtrail', 'cloudwatch', 'config', 'directconnect', 'dynamodb', 'ec2', 'ecr', 'eks',
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
  public readonly provider: iam.IOidcProvider;
  public readonly deployRole: iam.Role;
  public readonly driftRole: iam.Role;
  public readonly executionPolicy: iam.ManagedPolicy;
  /** Boundary of every role the platform's stacks create. */
  public readonly permissionsBoundary: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: GitHubAccessProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const qualifier = props.bootstrapQualifier ?? 'hnb659fds';

    this.provider = props.createOidcProvider ?? true
      ? new iam.OidcProviderNative(this, 'Provider', { url: `https://${GITHUB_OIDC_HOST}`, clientIds: [OIDC_AUDIENCE] })
      : iam.OidcProviderNative.fromOidcProviderArn(this, 'Provider', `arn:${stack.partition}:iam::${stack.account}:oidc-provider/${GITHUB_OIDC_HOST}`);
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
    const boundaryArn = `arn:${stack.partition}:iam::${account}:policy/${PERMISSIONS_BOUNDARY_NAME}`;
    const protectedArns = [
      boundaryArn,
      `arn:${stack.partition}:iam::${account}:role/${props.deployRoleName}`,
      `arn:${stack.partition}:iam::${account}:role/${props.driftRoleName}`,
      `arn:${stack.partition}:iam::${account}:policy/${CFN_EXECUTION_POLICY_NAME}`,
      `arn:${stack.partition}:iam::${account}:oidc-provider/${GITHUB_OIDC_HOST}`,
    ];
    // The platform's IAM resources: CloudFormation names them after the stack (paradigm-*); the SaaS bridge
    // names the roles it hands to providers saas-*.
    const ownIam = [
      ...['role', 'policy', 'instance-profile'].map((t) => `arn:${stack.partition}:iam::${account}:${t}/paradigm-*`),
      `arn:${stack.partition}:iam::${account}:role/saas-*`,
    ];
    this.permissionsBoundary = new iam.ManagedPolicy(this, 'PermissionsBoundary', {
      managedPolicyName: PERMISSIONS_BOUNDARY_NAME,
      description: 'Boundary of every role the platform deploys: never the GitHub access, never the boundaries',
      statements: [
        new iam.PolicyStatement({ sid: 'WithinTheirOwnPolicies', actions: ['*'], resources: ['*'] }),
        new iam.PolicyStatement({ sid: 'NeverTheGitHubAccess', effect: iam.Effect.DENY, actions: ['iam:*'], resources: protectedArns }),
        new iam.PolicyStatement({
          sid: 'NeverChangeBoundaries',
          effect: iam.Effect.DENY,
          actions: ['iam:DeleteRolePermissionsBoundary', 'iam:PutRolePermissionsBoundary', 'iam:DeleteUserPermissionsBoundary', 'iam:PutUserPermissionsBoundary'],
          resources: ['*'],
        }),
      ],
    });
    const boundaryReason = 'A permissions boundary only limits: a role\'s effective permissions are the intersection with its own policies, so the boundary allows everything except the GitHub access and boundary changes.';
    acknowledge(this.permissionsBoundary, 'AwsSolutions::AwsSolutions-IAM5[Action::*]', boundaryReason);
    acknowledge(this.permissionsBoundary, 'AwsSolutions::AwsSolutions-IAM5[Resource::*]', boundaryReason);
    for (const pack of ['HIPAA.Security', 'NIST.800.53.R5']) {
      acknowledge(this.permissionsBoundary, `${pack}::${pack}-IAMPolicyNoStatementsWithAdminAccess`, boundaryReason);
      acknowledge(this.permissionsBoundary, `${pack}::${pack}-IAMPolicyNoStatementsWithFullAccess`, boundaryReason);
    }
    acknowledge(this.permissionsBoundary, 'cdk-validator-cfnguard::iam_managed_policy_no_statements_with_admin_access_check', `CT.IAM.PR.2: ${boundaryReason}`);
    acknowledge(this.permissionsBoundary, 'cdk-validator-cfnguard::iam_managed_policy_no_statements_with_full_access_check', `CT.IAM.PR.2: ${boundaryReason}`);

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
        // An organization trail checks the organization it records.
        new iam.PolicyStatement({
          sid: 'ReadTheOrganization',
          actions: ['organizations:DescribeOrganization', 'organizations:ListAWSServiceAccessForOrganization'],
          resources: ['*'],
        }),
        // No template may hand a role broad AWS-managed power (the IAM statement above allows attaching policies).
        new iam.PolicyStatement({
          sid: 'NoBroadManagedPolicies',
          effect: iam.Effect.DENY,
          actions: ['iam:AttachRolePolicy', 'iam:PutRolePermissionsBoundary'],
          resources: ['*'],
          conditions: {
            ArnLike: {
              'iam:PolicyARN': ['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess', '*FullAccess'].map((n) => `arn:${stack.partition}:iam::aws:policy/${n}`),
            },
          },
        }),
        new iam.PolicyStatement({ sid: 'NeverTheGitHubAccess', effect: iam.Effect.DENY, actions: ['iam:*'], resources: protectedArns }),
        // Every role the templates create carries the boundary, and no template can lift it.
        new iam.PolicyStatement({
          sid: 'RolesOnlyWithTheBoundary',
          effect: iam.Effect.DENY,
          actions: ['iam:CreateRole', 'iam:PutRolePermissionsBoundary'],
          resources: ['*'],
          conditions: { StringNotEquals: { 'iam:PermissionsBoundary': boundaryArn } },
        }),
        new iam.PolicyStatement({ sid: 'NeverLiftTheBoundary', effect: iam.Effect.DENY, actions: ['iam:DeleteRolePermissionsBoundary'], resources: ['*'] }),
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
