import { AwsCredentialsProvider, JobPermission, type JobStep } from 'cdk-pipelines-github';
import { pinnedUses } from './action-pins';

/** The action that exchanges the job's OIDC token for AWS credentials (pinned). */
const CONFIGURE_AWS_CREDENTIALS_ACTION = pinnedUses('aws-actions/configure-aws-credentials');

/** Name of the credentials step of asset jobs, rewritten per account by the workflow post-processor. */
export const ASSET_CREDENTIALS_STEP_NAME = 'Authenticate to the asset account via OIDC';

/**
 * GitHub OIDC credentials with one role per account: a deploy job assumes the OIDC deploy role of
 * the account it deploys into (which trusts only this repository and that environment), then
 * chains into that account's CDK deploy role, without an external id.
 */
export class PerAccountOidcCredentials extends AwsCredentialsProvider {
  constructor(private readonly deployRoleName: string) {
    super();
  }

  public jobPermission(): JobPermission {
    return JobPermission.WRITE;
  }

  public credentialSteps(region: string, assumeRoleArn?: string): JobStep[] {
    if (!assumeRoleArn) {
      // Asset jobs: cdk-pipelines-github does not say which account they publish to; the
      // workflow post-processor replaces this step with the account's own role.
      return [{ name: ASSET_CREDENTIALS_STEP_NAME, uses: CONFIGURE_AWS_CREDENTIALS_ACTION, with: { 'aws-region': region } }];
    }
    const account = assumeRoleArn.split(':')[4];
    if (!/^\d{12}$/.test(account)) {
      throw new Error(`Cannot tell the account of role "${assumeRoleArn}". Fix: give every stack an explicit account from the topology.`);
    }
    return [
      {
        name: `Authenticate to ${account} via OIDC`,
        uses: CONFIGURE_AWS_CREDENTIALS_ACTION,
        with: { 'aws-region': region, 'role-to-assume': this.roleArn(account), 'role-session-name': 'paradigm-deploy' },
      },
      {
        name: 'Assume CDK deploy role',
        uses: CONFIGURE_AWS_CREDENTIALS_ACTION,
        with: { 'aws-region': region, 'role-to-assume': assumeRoleArn, 'role-chaining': true, 'role-session-name': 'paradigm-deploy' },
      },
    ];
  }

  public roleArn(account: string): string {
    return `arn:aws:iam::${account}:role/${this.deployRoleName}`;
  }
}
