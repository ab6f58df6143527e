/**
 * Synthesizes the embedded example once, with every validator, before any test file runs. Test files
 * read its templates and validation results from disk (test/support/example.ts) instead of each
 * paying for the full synth.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTopology } from '../accounts';
import { EXAMPLE_ENV_VAR, type ExampleIndex } from './support/example-index';
import { synthesizePlatform } from '../scripts/lib/platform-synth';

export default function globalSetup(): void {
  const root = mkdtempSync(join(tmpdir(), 'paradigm-example-'));
  const workflowDir = join(root, '.github', 'workflows');
  mkdirSync(workflowDir, { recursive: true });
  const started = Date.now();
  const result = synthesizePlatform(loadTopology({ example: true }), {
    outdir: join(root, 'cdk.out'),
    workflowPath: join(workflowDir, 'deploy.yml'),
  });
  const index: ExampleIndex = {
    outdir: result.outdir,
    workflowPath: result.workflowPath,
    passed: result.passed,
    missingContext: result.missingContext,
    synthMs: Date.now() - started,
    environments: result.environments,
    results: result.results,
  };
  const file = join(root, 'index.json');
  writeFileSync(file, JSON.stringify(index));
  process.env[EXAMPLE_ENV_VAR] = file;
}

