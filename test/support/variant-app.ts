/** Builds the platform for a variant of the example topology, without validators, into a temporary directory. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { EXAMPLE_TOPOLOGY, TopologyError, validateTopology, type AccountRole, type TopologyInput, type TopologyProblem } from '../../accounts';
import { createPlatformApp, type PlatformApp } from '../../stages/app';
import type { PlatformStage } from '../../stages/common';

/** A deep copy of the example topology, changed by `change`. */
export function exampleVariant(change: (t: TopologyInput) => void = () => undefined): TopologyInput {
  const copy = structuredClone(EXAMPLE_TOPOLOGY) as TopologyInput;
  change(copy);
  return copy;
}

/** The platform app of a variant topology (validated like any topology). */
export function variantApp(change: (t: TopologyInput) => void): PlatformApp {
  const topology = validateTopology(exampleVariant(change), 'test');
  const dir = mkdtempSync(join(tmpdir(), 'paradigm-variant-'));
  return createPlatformApp({ topology, outdir: join(dir, 'cdk.out'), workflowPath: join(dir, '.github', 'workflows', 'deploy.yml'), cloudFormationValidation: false, nagPacks: false });
}

/** The template of `role`'s stack in environment `env` of `app`. */
export function variantTemplate(app: PlatformApp, env: string, role: AccountRole): Template {
  const stage = app.environments.find((e) => e.name === env)?.stages[role] as (PlatformStage & { stack: import('aws-cdk-lib').Stack }) | undefined;
  if (!stage) throw new Error(`no ${role} stage in ${env}`);
  return Template.fromStack(stage.stack);
}

/** The problems `validateTopology` reports for a variant (empty when it is valid). */
export function problemsOf(change: (t: TopologyInput) => void): TopologyProblem[] {
  try {
    validateTopology(exampleVariant(change), 'test');
    return [];
  } catch (e) {
    if (e instanceof TopologyError) return [...e.problems];
    throw e;
  }
}
