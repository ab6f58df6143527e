/** Shared shape of the CLIs: `main` returns the exit code; a topology error exits 2 without a stack trace. */
import { TopologyError } from '../../accounts';

/** Exit codes every script uses. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

export function runCli(main: () => number | Promise<number>): void {
  Promise.resolve()
    .then(main)
    .then((code) => { process.exitCode = code; }, (e: unknown) => {
      if (e instanceof TopologyError) {
        process.stderr.write(`${e.message}\n`);
        process.exitCode = EXIT.badInput;
        return;
      }
      throw e;
    });
}
