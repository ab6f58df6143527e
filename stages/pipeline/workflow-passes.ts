/**
 * Passes over the jobs cdk-pipelines-github builds, closing the gaps of the library as shipped:
 * GitHub environments for every job that touches an account, one approval gate in front of each
 * environment that requires approval, a setup-node step, pinned actions, and no empty keys.
 */
import { pinUses, pinnedUses, WORKFLOW_NODE_VERSION } from './action-pins';
import { jobAccount, type WorkflowJob } from './per-account-assets';
import { approvalEnvironmentName, gitHubEnvironmentName } from '../../accounts';

/** What the passes need to know of one environment. */
export interface PipelineEnvironment {
  readonly name: string;
  readonly accounts: readonly string[];
  readonly approvalRequired: boolean;
}

/** Job id of the approval gate of an environment. */
export function approvalGateJobId(env: string): string {
  return `${env}-approval-gate`;
}

/** The environment whose accounts a job authenticates into, if any. */
function environmentOf(job: WorkflowJob, environments: readonly PipelineEnvironment[]): PipelineEnvironment | undefined {
  const account = jobAccount(job);
  return account === undefined ? undefined : environments.find((e) => e.accounts.includes(account));
}

/**
 * Runs every job that authenticates into an account under the GitHub environment of that account's
 * environment: the OIDC subject is then `…:environment:<env>`, the only subject the account's role trusts.
 */
export function assignEnvironments(jobs: Record<string, WorkflowJob>, environments: readonly PipelineEnvironment[]): Record<string, WorkflowJob> {
  return mapJobs(jobs, (id, job) => {
    const account = jobAccount(job);
    // A job that touches no account (the synth) needs no OIDC token.
    if (account === undefined) return { ...job, permissions: { contents: 'read' } };
    const env = environmentOf(job, environments);
    if (!env) throw new Error(`Job ${id} authenticates into account ${account}, which belongs to no environment of the topology.`);
    return { ...job, environment: gitHubEnvironmentName(env.name) };
  });
}

/**
 * One approval per promotion: a gate job under `<env>-approval` that waits for every job of the previous
 * environments, and that every job of the environment (asset publishing included) needs. Nothing touches
 * the environment's accounts before a reviewer approves the gate.
 */
export function addApprovalGates(jobs: Record<string, WorkflowJob>, environments: readonly PipelineEnvironment[]): Record<string, WorkflowJob> {
  let out = { ...jobs };
  environments.forEach((env, index) => {
    if (!env.approvalRequired) return;
    const earlier = new Set(environments.slice(0, index).map((e) => e.name));
    const previousJobs = Object.entries(out)
      .filter(([, job]) => earlier.has(environmentOf(job, environments)?.name ?? ''))
      .map(([id]) => id);
    const build = Object.keys(out).filter((id) => id.startsWith('Build-'));
    const gateId = approvalGateJobId(env.name);
    const approval = approvalEnvironmentName(env.name);
    const gate: WorkflowJob = {
      'name': `Approve promotion to ${env.name}`,
      'if': (jobs[build[0]] as { if?: string } | undefined)?.if,
      'runs-on': 'ubuntu-latest',
      // Reads the approval environment's protection rules (GitHub's "Actions: read").
      'permissions': { actions: 'read' },
      'environment': approval,
      'needs': [...build, ...previousJobs].sort(),
      'steps': [
        {
          // GitHub creates a missing environment without reviewers: then the gate would pass unapproved.
          name: `Check that ${approval} requires a reviewer`,
          env: { GH_TOKEN: '${{ github.token }}' },
          run: [
            `reviewers=$(gh api "repos/\${GITHUB_REPOSITORY}/environments/${approval}" --jq '[.protection_rules[]? | select(.type == "required_reviewers")] | length')`,
            `if [ "\${reviewers:-0}" -lt 1 ]; then echo "::error::The GitHub environment ${approval} has no required reviewers, so this gate approves nothing. Add required reviewers to it (docs/PIPELINE.md, Setting up GitHub) and re-run."; exit 1; fi`,
          ].join('\n'),
        },
        { name: 'Promotion approved', run: `echo "Promotion of \${{ github.sha }} to ${env.name} approved (run triggered by \${{ github.actor }})"` },
      ],
    };
    out = mapJobs(out, (_, job) => (environmentOf(job, environments)?.name === env.name
      ? { ...job, needs: [...new Set([...(job.needs ?? []), gateId])] }
      : job));
    out[gateId] = gate;
  });
  return out;
}

/** Jobs that run npm get the project's Node version first. */
export function addSetupNode(jobs: Record<string, WorkflowJob>): Record<string, WorkflowJob> {
  return mapJobs(jobs, (_, job) => {
    const steps = job.steps ?? [];
    const firstNpm = steps.findIndex((s) => /\bnp[mx]\b/.test(s.run ?? ''));
    if (firstNpm === -1 || steps.some((s) => s.uses?.startsWith('actions/setup-node@'))) return job;
    const setup = { name: 'Set up Node.js', uses: pinnedUses('actions/setup-node'), with: { 'node-version': WORKFLOW_NODE_VERSION } };
    return { ...job, steps: [...steps.slice(0, firstNpm), setup, ...steps.slice(firstNpm)] };
  });
}

/**
 * Deploy steps: new stacks get termination protection (as the stacks declare), and asset jobs install
 * cdk-assets without running install scripts.
 */
export function hardenDeploySteps(jobs: Record<string, WorkflowJob>): Record<string, WorkflowJob> {
  return mapJobs(jobs, (_, job) => ({
    ...job,
    steps: job.steps?.map((s) => {
      if (s.uses?.startsWith('aws-actions/aws-cloudformation-github-deploy@')) return { ...s, with: { ...s.with, 'termination-protection': true } };
      if (s.run?.startsWith('npm install --no-save cdk-assets')) return { ...s, run: s.run.replace('npm install --no-save', 'npm install --no-save --ignore-scripts') };
      return s;
    }),
  }));
}

/** Every `uses:` pinned to a full commit SHA from the one pin table. */
export function pinActions(jobs: Record<string, WorkflowJob>): Record<string, WorkflowJob> {
  return mapJobs(jobs, (id, job) => ({
    ...job,
    steps: job.steps?.map((s) => (s.uses ? { ...s, uses: pinUses(s.uses, `Job ${id}`) } : s)),
  }));
}

/** Drops `needs: []` and `env: {}`, which the library emits and actionlint reports. */
export function removeEmptyKeys(jobs: Record<string, WorkflowJob>): Record<string, WorkflowJob> {
  return mapJobs(jobs, (_, job) => Object.fromEntries(Object.entries(job).filter(([key, value]) => {
    if (key === 'needs' && Array.isArray(value)) return value.length > 0;
    if (key === 'env' && value && typeof value === 'object') return Object.keys(value).length > 0;
    return true;
  })) as WorkflowJob);
}

function mapJobs(jobs: Record<string, WorkflowJob>, fn: (id: string, job: WorkflowJob) => WorkflowJob): Record<string, WorkflowJob> {
  return Object.fromEntries(Object.entries(jobs).map(([id, job]) => [id, fn(id, job)]));
}
