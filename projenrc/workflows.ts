import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Component, type awscdk } from 'projen';
import { JobPermission } from 'projen/lib/github/workflows-model';
import { annotatePins, pinUses, WORKFLOW_NODE_VERSION } from '../stages/pipeline/action-pins';

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

/**
 * verify-access: manually dispatched; exchanges the job's OIDC token for the deploy role of every account
 * of one environment (a job under that GitHub environment), or for the drift role (a job without one).
 */
function addVerifyAccessWorkflow(project: awscdk.AwsCdkTypeScriptApp): void {
  const workflow = project.github!.addWorkflow('verify-access');
  workflow.on({
    workflowDispatch: {
      inputs: {
        environment: { description: 'Environment whose accounts to check (e.g. dev)', required: true, type: 'string' },
        role: { description: 'Which role to assume', required: true, type: 'choice', options: ['deploy', 'drift'], default: 'deploy' },
      },
    },
  });
  const steps = [
    { name: 'Checkout', uses: 'actions/checkout@v7' },
    { name: 'Set up Node.js', uses: 'actions/setup-node@v7', with: { 'node-version': WORKFLOW_NODE_VERSION, 'cache': 'npm' } },
    { name: 'Install', run: 'npm ci' },
    {
      name: 'Verify access',
      // The topology file the repository deploys (a repository variable; empty means the embedded example).
      env: { ENVIRONMENT: '${{ inputs.environment }}', ROLE: '${{ inputs.role }}', PARADIGM_TOPOLOGY: '${{ vars.PARADIGM_TOPOLOGY }}' },
      run: 'npm run verify-access -- --environment "$ENVIRONMENT" --role "$ROLE"',
    },
  ];
  const permissions = { contents: JobPermission.READ, idToken: JobPermission.WRITE };
  workflow.addJobs({
    'verify-deploy': {
      name: 'Verify the deploy roles of ${{ inputs.environment }}',
      if: "inputs.role == 'deploy'",
      runsOn: ['ubuntu-latest'],
      environment: '${{ inputs.environment }}',
      permissions,
      steps,
    },
    'verify-drift': {
      name: 'Verify the drift roles of ${{ inputs.environment }}',
      if: "inputs.role == 'drift'",
      runsOn: ['ubuntu-latest'],
      permissions,
      steps,
    },
  });
}

export function setupWorkflows(project: awscdk.AwsCdkTypeScriptApp): void {
  addVerifyAccessWorkflow(project);
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
