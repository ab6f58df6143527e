/** The one place that starts child processes (eslint forbids child_process elsewhere). */
import { spawnSync } from 'node:child_process';

export interface ExecResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ExecOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Milliseconds before the command is killed. @default - 10 minutes */
  readonly timeoutMs?: number;
}

/** Runs `command` with `args` (no shell), capturing its output. */
export function exec(command: string, args: readonly string[], options: ExecOptions = {}): ExecResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`Could not run ${command} ${args.join(' ')}: ${result.error.message}`);
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}
