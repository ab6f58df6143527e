import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Stage } from 'aws-cdk-lib';
import { GitHubWorkflow, type GitHubWorkflowProps } from 'cdk-pipelines-github';
import type { Construct } from 'constructs';
import { annotatePins } from './action-pins';
import { splitAssetJobsPerAccount, type WorkflowJob } from './per-account-assets';
import { addApprovalGates, addSetupNode, assignEnvironments, hardenDeploySteps, pinActions, removeEmptyKeys, type PipelineEnvironment } from './workflow-passes';

export interface PlatformWorkflowProps extends GitHubWorkflowProps {
  /** The OIDC role of an account, for asset jobs. */
  readonly roleArnForAccount: (account: string) => string;
  /** The region of an account, where its asset jobs authenticate. */
  readonly regionForAccount: (account: string) => string;
  /** The environments in promotion order, with their accounts and whether they need approval. */
  readonly environments: readonly PipelineEnvironment[];
}

/**
 * On the runner the synth step always writes `cdk.out`; the library names the local assembly directory
 * instead, which would make the workflow depend on where it was synthesized (temp dirs in tests).
 */
function downloadAssemblyToCdkOut(jobs: Record<string, WorkflowJob>, assemblyDir: string): Record<string, WorkflowJob> {
  return Object.fromEntries(Object.entries(jobs).map(([id, job]) => [id, {
    ...job,
    steps: job.steps?.map((s) => (s.uses?.startsWith('actions/download-artifact@') && s.with?.path === assemblyDir ? { ...s, with: { ...s.with, path: 'cdk.out' } } : s)),
  }]));
}

/**
 * cdk-pipelines-github's workflow with a post-processing pass over the built jobs (per-account
 * asset publishing) before the file is written, and diff protection applied to the final file.
 */
export class PlatformWorkflow extends GitHubWorkflow {
  private readonly roleArnForAccount: (account: string) => string;
  private readonly regionForAccount: (account: string) => string;
  private readonly environments: readonly PipelineEnvironment[];

  constructor(scope: Construct, id: string, props: PlatformWorkflowProps) {
    super(scope, id, props);
    this.roleArnForAccount = props.roleArnForAccount;
    this.regionForAccount = props.regionForAccount;
    this.environments = props.environments;
  }

  protected doBuildPipeline(): void {
    const file = this.workflowFile;
    const write = file.writeFile;
    // Build the jobs without writing, and without the library's own diff protection (which would
    // compare the file before our passes); ours below compares the final file, which we write.
    file.writeFile = () => undefined;
    const previous = process.env.GITHUB_WORKFLOW;
    delete process.env.GITHUB_WORKFLOW;
    try {
      super.doBuildPipeline();
    } finally {
      file.writeFile = write;
      if (previous !== undefined) process.env.GITHUB_WORKFLOW = previous;
    }

    type Built = { name: string; on: unknown; concurrency: unknown; jobs: Record<string, WorkflowJob> };
    const { name, on, concurrency, jobs: built } = (file as unknown as { obj: Built }).obj;
    const assemblyDir = Stage.of(this)!.outdir;
    let jobs = splitAssetJobsPerAccount(built, assemblyDir, this.roleArnForAccount, this.regionForAccount);
    jobs = downloadAssemblyToCdkOut(jobs, assemblyDir);
    jobs = assignEnvironments(jobs, this.environments);
    jobs = addApprovalGates(jobs, this.environments);
    jobs = addSetupNode(jobs);
    jobs = hardenDeploySteps(jobs);
    jobs = pinActions(jobs);
    jobs = removeEmptyKeys(jobs);
    // Read-only by default; jobs that need an OIDC token ask for id-token: write themselves.
    file.update({ name, on, permissions: { contents: 'read' }, concurrency, jobs });

    const text = annotatePins(file.toYaml());
    if (process.env.GITHUB_WORKFLOW === this.workflowName) {
      if (!existsSync(this.workflowPath) || readFileSync(this.workflowPath, 'utf8') !== text) {
        throw new Error(`The committed ${relative(process.cwd(), this.workflowPath)} differs from what the pipeline definition generates. Fix: run "npm run platform" locally and commit the workflow file.`);
      }
    }
    writeFileSync(this.workflowPath, text, 'utf8');
  }
}
