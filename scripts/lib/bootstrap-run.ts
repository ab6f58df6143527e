/** Executes a bootstrap plan account by account; a failing account is reported and the others go on. */
import type { AccountBootstrap, BootstrapPlan, PlannedCommand } from './bootstrap-plan';
import { renderCommand } from './bootstrap-plan';
import type { ExecResult } from './exec';
import type { TemporaryCredentials } from './sts';
import { explainAwsError } from './sts';
import { ROLE_INFO } from '../../accounts';

export interface BootstrapDeps {
  /** Assumes the operator role of an account. */
  readonly assume: (roleArn: string, region: string) => Promise<TemporaryCredentials>;
  /** Runs one command with the given extra environment. */
  readonly run: (command: PlannedCommand, env: Record<string, string>) => ExecResult;
  readonly log: (line: string) => void;
}

export interface AccountOutcome {
  readonly account: AccountBootstrap;
  readonly ok: boolean;
  /** Why it failed. */
  readonly error?: string;
}

function tail(text: string, lines = 5): string {
  return text.trim().split('\n').slice(-lines).join(' | ');
}

/** Runs a command; a command that cannot run at all (not found, timed out) becomes a failed result. */
function runSafely(deps: BootstrapDeps, command: PlannedCommand, env: Record<string, string>): ExecResult {
  try {
    return deps.run(command, env);
  } catch (e) {
    return { status: 1, stdout: '', stderr: (e as Error).message };
  }
}

export async function executeBootstrap(plan: BootstrapPlan, deps: BootstrapDeps): Promise<AccountOutcome[]> {
  const outcomes: AccountOutcome[] = [];
  const synth = runSafely(deps, plan.synth, {});
  if (synth.status !== 0) {
    const error = `synth failed (exit ${synth.status}): ${tail(synth.stderr || synth.stdout)}`;
    deps.log(`✗ ${error}`);
    return plan.accounts.map((account) => ({ account, ok: false, error }));
  }
  for (const account of plan.accounts) {
    const label = `${account.environment} / ${ROLE_INFO[account.role].title} (${account.account})`;
    let credentials: TemporaryCredentials;
    try {
      credentials = await deps.assume(account.adminRoleArn, account.region);
    } catch (e) {
      const error = `cannot assume ${account.adminRoleArn}: ${explainAwsError(e, account.adminRoleArn)}`;
      deps.log(`✗ ${label}: ${error}`);
      outcomes.push({ account, ok: false, error });
      continue;
    }
    const env = {
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_SESSION_TOKEN: credentials.sessionToken,
      AWS_REGION: account.region,
      AWS_DEFAULT_REGION: account.region,
    };
    let failed: string | undefined;
    for (const command of account.commands) {
      deps.log(`  ${label}: $ ${renderCommand(command)}`);
      const result = runSafely(deps, command, env);
      if (result.status !== 0) {
        failed = `"${renderCommand(command)}" exited ${result.status}: ${tail(result.stderr || result.stdout)}`;
        break;
      }
    }
    deps.log(failed ? `✗ ${label}: ${failed}` : `✓ ${label}: bootstrapped`);
    outcomes.push({ account, ok: !failed, error: failed });
  }
  return outcomes;
}
