import type { PolicyResults } from '../../policies';
import type { EnvironmentSummary } from '../../scripts/lib/platform-synth';

/** Environment variable through which the global setup hands the example synth to test files. */
export const EXAMPLE_ENV_VAR = 'PARADIGM_TEST_EXAMPLE_INDEX';

export interface ExampleIndex {
  readonly outdir: string;
  readonly workflowPath: string;
  readonly passed: boolean;
  readonly missingContext: readonly string[];
  readonly synthMs: number;
  readonly environments: readonly EnvironmentSummary[];
  readonly results: PolicyResults;
}
