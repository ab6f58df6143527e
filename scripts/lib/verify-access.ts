/** Checks, from a GitHub Actions job, that its OIDC token opens each account's role. */
import { assumeRoleWithWebIdentity, callerIdentity, explainAwsError, stsClient } from './sts';
import { roleArn, ROLE_INFO, ACCOUNT_ROLES, OIDC_AUDIENCE, type EnvironmentConfig } from '../../accounts';

export interface AccessCheck {
  readonly role: string;
  readonly account: string;
  readonly roleArn: string;
  readonly ok: boolean;
  /** The assumed identity, or the reason it failed. */
  readonly detail: string;
}

/**
 * Requests the job's OIDC token from the GitHub Actions runtime. Needs `permissions: id-token: write`.
 */
export async function requestOidcToken(env: NodeJS.ProcessEnv, audience: string = OIDC_AUDIENCE): Promise<string> {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) {
    throw new Error('No GitHub OIDC token available (ACTIONS_ID_TOKEN_REQUEST_URL is not set). Fix: run this in a GitHub Actions job with "permissions: id-token: write".');
  }
  const response = await fetch(`${url}${url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`, {
    headers: { Authorization: `bearer ${bearer}`, Accept: 'application/json' },
  });
  if (!response.ok) {
    throw new Error(`GitHub refused the OIDC token request: HTTP ${response.status} ${response.statusText}. Fix: check the job's "permissions: id-token: write".`);
  }
  const body = (await response.json()) as { value?: string };
  if (!body.value) throw new Error('GitHub answered the OIDC token request without a token.');
  return body.value;
}

/** Assumes `roleName` in every account of `environment` with `token`, then asks STS who it is. */
export async function verifyAccess(
  environment: EnvironmentConfig, roleName: string, token: string, options: { maxAttempts?: number } = {},
): Promise<AccessCheck[]> {
  return Promise.all(ACCOUNT_ROLES.map(async (role): Promise<AccessCheck> => {
    const { accountId, region } = environment.accounts[role];
    const arn = roleArn(accountId, roleName);
    const base = { role: ROLE_INFO[role].title, account: accountId, roleArn: arn };
    try {
      const credentials = await assumeRoleWithWebIdentity(stsClient({ region, maxAttempts: options.maxAttempts }), arn, token, `verify-${environment.name}`);
      const identity = await callerIdentity(stsClient({ region, credentials, maxAttempts: options.maxAttempts }));
      if (identity.account !== accountId) {
        return { ...base, ok: false, detail: `assumed a role in account ${identity.account}, not ${accountId}` };
      }
      return { ...base, ok: true, detail: identity.arn };
    } catch (e) {
      return { ...base, ok: false, detail: explainAwsError(e, arn) };
    }
  }));
}

export function renderAccessTable(checks: readonly AccessCheck[]): string {
  const rows = [['Account role', 'Account', 'Role', 'Result'], ...checks.map((c) => [c.role, c.account, c.roleArn, `${c.ok ? 'ok' : 'error'}: ${c.detail}`])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n');
}
