import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXAMPLE_ENV_VAR } from './support/example-index';

/** Removes the example synthesized by the global setup. */
export default function globalTeardown(): void {
  const index = process.env[EXAMPLE_ENV_VAR];
  if (index) rmSync(dirname(index), { recursive: true, force: true });
}
