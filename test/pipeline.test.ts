import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ACCOUNT_ROLES, loadTopology, stackName } from '../accounts';
import { createPlatformApp, DEPLOY_WORKFLOW_PATH } from '../stages';
import { exampleFile, exampleIndex, exampleWorkflow } from './support/example';

interface Job {
  needs?: string[];
  environment?: string;
  steps: { name?: string; uses?: string; run?: string; with?: Record<string, unknown> }[];
}
const workflow = parse(exampleWorkflow()) as { jobs: Record<string, Job> };
const jobs = workflow.jobs;
const topology = loadTopology({ example: true });

/** Every job `id` waits for, directly or not. */
function ancestors(id: string, seen = new Set<string>()): Set<string> {
  for (const need of jobs[id].needs ?? []) {
    if (!seen.has(need)) {
      seen.add(need);
      ancestors(need, seen);
    }
  }
  return seen;
}

const deployJob = (env: string, role: (typeof ACCOUNT_ROLES)[number]) => {
  const id = Object.keys(jobs).find((j) => j.endsWith(`${stackName(env, role)}-Deploy`));
  if (!id) throw new Error(`no deploy job for ${stackName(env, role)}`);
  return id;
};
const roles = (job: Job) => job.steps.map((s) => s.with?.['role-to-assume']).filter((r): r is string => typeof r === 'string');

describe('deploy workflow', () => {
  test('the committed deploy.yml is byte-identical to what the app generates', () => {
    expect(readFileSync(DEPLOY_WORKFLOW_PATH, 'utf8')).toEqual(exampleWorkflow());
  });

  test('a topology file the app was synthesized from is what the workflow\'s synth reads', () => {
    const root = mkdtempSync(join(tmpdir(), 'paradigm-pipeline-'));
    try {
      mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
      const workflowPath = join(root, '.github', 'workflows', 'deploy.yml');
      createPlatformApp({ topology, outdir: join(root, 'cdk.out'), workflowPath, topologyFile: 'topologies/paradigm.yaml', cloudFormationValidation: false, nagPacks: false }).app.synth();
      const build = (parse(readFileSync(workflowPath, 'utf8')) as { jobs: Record<string, any> }).jobs['Build-Build'];
      expect(build.env).toEqual({ PARADIGM_TOPOLOGY: 'topologies/paradigm.yaml' });
      expect(jobs['Build-Build']).not.toHaveProperty('env');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('a second synth generates the same file', () => {
    const root = mkdtempSync(join(tmpdir(), 'paradigm-pipeline-'));
    try {
      mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
      const workflowPath = join(root, '.github', 'workflows', 'deploy.yml');
      createPlatformApp({ topology, outdir: join(root, 'cdk.out'), workflowPath, cloudFormationValidation: false, nagPacks: false }).app.synth();
      expect(readFileSync(workflowPath, 'utf8')).toEqual(exampleWorkflow());
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('inside an environment: audit, then network hub, then workload and SaaS bridge in parallel', () => {
    for (const env of ['dev', 'staging', 'prod']) {
      const hub = deployJob(env, 'networkHub');
      expect(ancestors(hub)).toContain(deployJob(env, 'audit'));
      for (const spoke of ['workload', 'saasBridge'] as const) {
        expect(ancestors(deployJob(env, spoke))).toContain(hub);
      }
      expect(ancestors(deployJob(env, 'workload'))).not.toContain(deployJob(env, 'saasBridge'));
      expect(ancestors(deployJob(env, 'saasBridge'))).not.toContain(deployJob(env, 'workload'));
    }
  });

  test('environments are promoted in topology order', () => {
    for (const [before, after] of [['dev', 'staging'], ['staging', 'prod']]) {
      const first = ancestors(deployJob(after, 'audit'));
      for (const role of ACCOUNT_ROLES) expect(first).toContain(deployJob(before, role));
    }
  });

  test('every deploy job authenticates only into its own account, with no external id', () => {
    for (const env of topology.environments) {
      for (const role of ACCOUNT_ROLES) {
        const account = env.accounts[role].accountId;
        const job = jobs[deployJob(env.name, role)];
        expect(roles(job)).toEqual([
          `arn:aws:iam::${account}:role/${topology.oidc.deployRoleName}`,
          expect.stringMatching(new RegExp(`^arn:aws:iam::${account}:role/cdk-[a-z0-9]+-deploy-role-${account}-`)),
        ]);
        expect(job.environment).toBe(env.name);
      }
    }
    expect(exampleWorkflow()).not.toContain('role-external-id');
  });

  test('every deploy job passes the named-IAM capability (stacks name some roles)', () => {
    const deploys = Object.entries(jobs).filter(([id]) => id.endsWith('-Deploy'));
    expect(deploys).toHaveLength(12);
    for (const [id, job] of deploys) {
      const step = job.steps.find((s) => s.uses?.startsWith('aws-actions/aws-cloudformation-github-deploy@'))!;
      expect([id, step.with?.capabilities]).toEqual([id, 'CAPABILITY_NAMED_IAM']);
    }
  });

  test('every asset job publishes into one account with that account\'s role', () => {
    const assetJobs = Object.entries(jobs).filter(([id]) => id.startsWith('Assets-'));
    expect(assetJobs.length).toBeGreaterThanOrEqual(12);
    for (const [, job] of assetJobs) {
      const [role] = roles(job);
      const account = role.split(':')[4];
      expect(role).toBe(`arn:aws:iam::${account}:role/${topology.oidc.deployRoleName}`);
      const publish = job.steps.find((s) => s.run?.startsWith('/bin/bash ./cdk.out/'))!;
      const script = readFileSync(exampleFile(publish.run!.slice('/bin/bash ./cdk.out/'.length)), 'utf8');
      const destinations = [...script.matchAll(/publish "[0-9a-f]+:(\d{12})-/g)].map((m) => m[1]);
      expect(destinations.length).toBeGreaterThan(0);
      expect(new Set(destinations)).toEqual(new Set([account]));
    }
  });

  test('deploy jobs need the asset jobs of their own account only', () => {
    for (const [id, job] of Object.entries(jobs).filter(([j]) => j.endsWith('-Deploy'))) {
      const account = roles(job)[0].split(':')[4];
      for (const need of (job.needs ?? []).filter((n) => n.startsWith('Assets-'))) {
        expect([id, roles(jobs[need])[0].split(':')[4]]).toEqual([id, account]);
      }
    }
  });

  test('the example has 12 pipeline stacks, 12 GitHub access stacks and 6 spoke grants stacks, and deploys only the first', () => {
    const stacks = exampleIndex().environments.flatMap((e) => e.stages.flatMap((s) => s.stacks));
    const bootstrap = (s: string) => s.endsWith('-github-access') || s.endsWith('-cdk-deploy-grants');
    expect(stacks.filter((s) => !bootstrap(s))).toHaveLength(12);
    expect(stacks.filter((s) => s.endsWith('-github-access'))).toHaveLength(12);
    expect(stacks.filter((s) => s.endsWith('-cdk-deploy-grants'))).toEqual(
      ['dev', 'staging', 'prod'].flatMap((e) => [`paradigm-${e}-workload-cdk-deploy-grants`, `paradigm-${e}-saas-bridge-cdk-deploy-grants`]));
    expect(Object.keys(jobs).some((id) => id.includes('github-access') || id.includes('grants'))).toBe(false);
  });
});

describe('deploy workflow security settings', () => {
  const prodJobs = Object.entries(jobs).filter(([, job]) => roles(job).some((r) => r.split(':')[4].startsWith('3333')));

  test('production has one gate job under the approval environment, after every earlier environment', () => {
    const gates = Object.entries(jobs).filter(([, job]) => job.environment?.endsWith('-approval'));
    expect(gates.map(([id, job]) => [id, job.environment])).toEqual([['prod-approval-gate', 'prod-approval']]);
    const before = ancestors('prod-approval-gate');
    for (const env of ['dev', 'staging']) for (const role of ACCOUNT_ROLES) expect(before).toContain(deployJob(env, role));
    expect(roles(jobs['prod-approval-gate'])).toEqual([]);
  });

  test('every production job, asset publishing included, needs the gate', () => {
    expect(prodJobs.length).toBeGreaterThanOrEqual(4 + 4); // four deploys, four templates, plus file assets
    for (const [id, job] of prodJobs) {
      expect([id, job.needs]).toEqual([id, expect.arrayContaining(['prod-approval-gate'])]);
      expect(job.environment).toBe('prod');
    }
  });

  test('the gate fails unless its approval environment requires a reviewer', () => {
    const gate = jobs['prod-approval-gate'] as any;
    expect(gate.permissions).toEqual({ actions: 'read' });
    expect(gate.steps[0].run).toContain('gh api "repos/${GITHUB_REPOSITORY}/environments/prod-approval"');
    expect(gate.steps[0].run).toContain('select(.type == "required_reviewers")');
    expect(gate.steps[0].run).toMatch(/exit 1/);
    expect(gate.steps.some((s: any) => s.uses)).toBe(false);
  });

  test('only the default branch deploys, also when dispatched by hand', () => {
    for (const [id, job] of Object.entries(jobs)) expect([id, (job as any).if]).toEqual([id, "github.ref == 'refs/heads/main'"]);
  });

  test('deploys create stacks with termination protection; asset jobs install a pinned cdk-assets without install scripts, in their own region', () => {
    for (const [id, job] of Object.entries(jobs)) {
      for (const step of job.steps) {
        if (step.uses?.startsWith('aws-actions/aws-cloudformation-github-deploy@')) expect([id, step.with?.['termination-protection']]).toEqual([id, true]);
        if (step.run?.includes('cdk-assets')) expect([id, step.run]).toEqual([id, 'npm install --no-save --ignore-scripts cdk-assets@4.7.3']);
      }
      if (id.startsWith('Assets-')) {
        const auth = job.steps.find((s) => s.with?.['role-to-assume'])!;
        expect([id, auth.with?.['aws-region']]).toEqual([id, 'us-east-1']);
      }
    }
  });

  test('dev and staging promote without approval', () => {
    for (const [id, job] of Object.entries(jobs)) {
      const account = roles(job)[0]?.split(':')[4] ?? '';
      if (/^(1111|2222)/.test(account)) expect([id, ancestors(id).has('prod-approval-gate'), job.environment]).toEqual([id, false, account.startsWith('1111') ? 'dev' : 'staging']);
    }
  });

  test('every action is pinned to a full commit SHA with its tag in a comment', () => {
    const uses = [...exampleWorkflow().matchAll(/uses: (\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, ref, comment] of uses) {
      expect(ref).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(comment).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  test('default permissions are read-only and the synth job gets no OIDC token', () => {
    expect((parse(exampleWorkflow()) as { permissions: unknown }).permissions).toEqual({ contents: 'read' });
    expect((jobs['Build-Build'] as any).permissions).toEqual({ contents: 'read' });
  });

  test('one deploy at a time, never cancelling a running one', () => {
    expect((parse(exampleWorkflow()) as { concurrency: unknown }).concurrency).toEqual({ 'group': 'deploy', 'cancel-in-progress': false });
  });

  test('jobs that run npm set up the project\'s Node version first, and no job has empty needs or env', () => {
    for (const [id, job] of Object.entries(jobs)) {
      const npm = job.steps.findIndex((s) => /\bnp[mx]\b/.test(s.run ?? ''));
      if (npm !== -1) {
        const setup = job.steps.findIndex((s) => s.uses?.startsWith('actions/setup-node@'));
        expect([id, setup !== -1 && setup < npm, job.steps[setup]?.with?.['node-version']]).toEqual([id, true, '20']);
      }
      expect([id, job.needs?.length === 0, (job as any).env && Object.keys((job as any).env).length === 0]).toEqual([id, false, undefined]);
    }
  });
});
