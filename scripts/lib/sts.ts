/** STS calls of the operational scripts, with the SDK's standard retry strategy (throttling included). */
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

export interface TemporaryCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration?: Date;
}

export interface StsOptions {
  readonly region: string;
  /** Credentials to call STS with. @default - the SDK's default provider chain (operator credentials) */
  readonly credentials?: TemporaryCredentials;
  /** Attempts per call, the first included. @default 5 */
  readonly maxAttempts?: number;
}

export function stsClient(options: StsOptions): STSClient {
  return new STSClient({ region: options.region, credentials: options.credentials, maxAttempts: options.maxAttempts ?? 5, retryMode: 'standard' });
}

interface StsCredentials {
  AccessKeyId?: string;
  SecretAccessKey?: string;
  SessionToken?: string;
  Expiration?: Date;
}

function toCredentials(roleArn: string, c: StsCredentials | undefined): TemporaryCredentials {
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error(`STS returned no credentials for ${roleArn}.`);
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
}

export async function assumeRole(client: STSClient, roleArn: string, sessionName: string): Promise<TemporaryCredentials> {
  const out = await client.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName, DurationSeconds: 3600 }));
  return toCredentials(roleArn, out.Credentials);
}

export async function assumeRoleWithWebIdentity(
  client: STSClient, roleArn: string, token: string, sessionName: string,
): Promise<TemporaryCredentials> {
  const out = await client.send(new AssumeRoleWithWebIdentityCommand({
    RoleArn: roleArn, WebIdentityToken: token, RoleSessionName: sessionName, DurationSeconds: 900,
  }));
  return toCredentials(roleArn, out.Credentials);
}

export async function callerIdentity(client: STSClient): Promise<{ account: string; arn: string }> {
  const out = await client.send(new GetCallerIdentityCommand({}));
  if (!out.Account || !out.Arn) throw new Error('STS GetCallerIdentity returned no identity.');
  return { account: out.Account, arn: out.Arn };
}

/** One line that says what went wrong with an AWS call and what usually fixes it. */
export function explainAwsError(error: unknown, roleArn: string): string {
  const e = error as { name?: string; message?: string };
  const name = e.name ?? 'Error';
  const message = (e.message ?? String(error)).split('\n')[0];
  switch (name.replace(/Exception$/, '')) {
    case 'AccessDenied':
      return `${name}: ${message} (the role ${roleArn} does not exist, or its trust policy does not allow this caller; bootstrap the account or check the role name in the topology)`;
    case 'InvalidIdentityToken':
    case 'IDPRejectedClaim':
      return `${name}: ${message} (the account has no GitHub OIDC provider, or the role does not trust this repository and environment; run the bootstrap for it)`;
    case 'ExpiredToken':
      return `${name}: ${message} (the credentials expired; sign in again)`;
    case 'Throttling':
      return `${name}: ${message} (still throttled after every retry; run again later)`;
    case 'CredentialsProviderError':
      return `${name}: ${message} (no operator credentials found; sign in, e.g. aws sso login, and retry)`;
    default:
      return `${name}: ${message}`;
  }
}
