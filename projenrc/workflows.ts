import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Component, type awscdk } from 'projen';
import { annotatePins, pinUses } from '../stages/pipeline/action-pins';

/**
 * Pins every action of the projen-generated workflows to the commit SHAs of the one pin table that the
 * deploy workflow uses too (stages/pipeline/action-pins.ts). Runs last, after every workflow is defined.
 */
class PinnedWorkflowActions extends Component {
  public preSynthesize(): void {
    for (const workflow of this.project.github?.workflows ?? []) {
      for (const [id, job] of Object.entries(workflow.jobs)) {
        if (!('steps' in job)) continue;
        const steps = resolveSteps(job.steps).map((step) => (step.uses ? { ...step, uses: pinUses(step.uses, `Workflow ${workflow.name}, job ${id}`) } : step));
        workflow.updateJob(id, { ...job, steps });
      }
    }
  }

  /** The release tag as a comment after each pinned SHA (projen writes YAML without comments). */
  public postSynthesize(): void {
    for (const workflow of this.project.github?.workflows ?? []) {
      if (!workflow.file) continue;
      const path = join(this.project.outdir, workflow.file.path);
      chmodSync(path, 0o644);
      writeFileSync(path, annotatePins(readFileSync(path, 'utf8')));
      chmodSync(path, 0o444);
    }
  }
}

export function setupWorkflows(project: awscdk.AwsCdkTypeScriptApp): void {
  new PinnedWorkflowActions(project);
}

/** Steps are an array, or a lazy value projen resolves at synth. */
function resolveSteps(steps: unknown): Array<{ uses?: string }> {
  if (Array.isArray(steps)) return steps;
  if (typeof steps === 'function') return resolveSteps(steps());
  if (steps && typeof (steps as { produce?: unknown }).produce === 'function') return resolveSteps((steps as { produce: () => unknown }).produce());
  if (steps && typeof (steps as { resolve?: unknown }).resolve === 'function') return resolveSteps((steps as { resolve: () => unknown }).resolve());
  throw new Error(`Unexpected workflow steps value: ${JSON.stringify(steps)}`);
}
