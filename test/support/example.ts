/** Access to the example synthesized once by test/global-setup.ts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { EXAMPLE_ENV_VAR, type ExampleIndex } from './example-index';
import { stackName, stageId, type AccountRole } from '../../accounts';
import { resultsUnder, type PolicyResults } from '../../policies';

let cached: { index: ExampleIndex; assembly: CloudAssembly } | undefined;

function load() {
  if (!cached) {
    const file = process.env[EXAMPLE_ENV_VAR];
    if (!file) throw new Error(`${EXAMPLE_ENV_VAR} is not set: run the tests through jest (test/global-setup.ts synthesizes the example).`);
    const index = JSON.parse(readFileSync(file, 'utf8')) as ExampleIndex;
    cached = { index, assembly: new CloudAssembly(index.outdir) };
  }
  return cached;
}

export function exampleIndex(): ExampleIndex {
  return load().index;
}

/** The CloudFormation template of the main stack of `role` in `env`, as synthesized with every validator. */
export function exampleTemplate(env: string, role: AccountRole): Template {
  const nested = load().assembly.getNestedAssembly(`assembly-${stageId(env, role)}`);
  return Template.fromJSON(nested.getStackByName(stackName(env, role)).template);
}

/** Findings and acknowledgements of one stage of the example. */
export function exampleResults(env: string, role: AccountRole): PolicyResults {
  return resultsUnder(load().index.results, stageId(env, role));
}

/** Asserts that a stage of the example has zero unacknowledged findings, listing them if not. */
export function expectNoUnacknowledgedFindings(env: string, role: AccountRole): void {
  const { findings } = exampleResults(env, role);
  expect(findings.map((f) => `${f.rule} at ${f.constructPath}`)).toEqual([]);
}

export function exampleWorkflow(): string {
  return readFileSync(load().index.workflowPath, 'utf8');
}

export function exampleOutdir(): string {
  return load().index.outdir;
}

export function exampleFile(...parts: string[]): string {
  return join(load().index.outdir, ...parts);
}
