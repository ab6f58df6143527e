/**
 * Per-account asset publishing. cdk-pipelines-github gives asset jobs no account: one job may publish
 * one asset into several accounts with a single role. This pass rewrites the built workflow so that
 * every asset job publishes into exactly one account, authenticated with that account's own role.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ASSET_CREDENTIALS_STEP_NAME } from './credentials';

export interface WorkflowJob {
  needs?: string[];
  steps?: Array<{ name?: string; run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> }>;
  [key: string]: unknown;
}

const PUBLISH_LINE = /^npx cdk-assets --path "[^"]+" --verbose publish "[0-9a-f]+:(\d{12})-[a-z0-9-]+"$/;

/**
 * Splits every asset job into one job per destination account and gives each the OIDC role of its
 * account. `assemblyDir` is the cloud assembly directory the publish scripts live in.
 */
export function splitAssetJobsPerAccount(
  jobs: Record<string, WorkflowJob>,
  assemblyDir: string,
  roleArn: (account: string) => string,
  regionOf: (account: string) => string,
): Record<string, WorkflowJob> {
  const renamed = new Map<string, Map<string, string>>(); // old job id -> account -> new job id
  const out: Record<string, WorkflowJob> = {};

  for (const [id, job] of Object.entries(jobs)) {
    const credentials = job.steps?.findIndex((s) => s.name === ASSET_CREDENTIALS_STEP_NAME) ?? -1;
    if (credentials === -1) {
      out[id] = job;
      continue;
    }
    const publish = job.steps!.find((s) => s.run?.startsWith('/bin/bash ./cdk.out/'));
    if (!publish?.run) throw new Error(`Asset job ${id} has no publish step; cdk-pipelines-github changed its job layout.`);
    const relScript = publish.run.slice('/bin/bash ./cdk.out/'.length);
    const script = readFileSync(join(assemblyDir, relScript), 'utf8').split('\n');
    const byAccount = new Map<string, string[]>();
    for (const line of script) {
      const m = PUBLISH_LINE.exec(line);
      if (m) byAccount.set(m[1], [...(byAccount.get(m[1]) ?? []), line]);
    }
    if (byAccount.size === 0) throw new Error(`Asset job ${id} publishes to no account that can be read from ${relScript}.`);
    const other = script.filter((line) => line !== '' && !PUBLISH_LINE.test(line) && line !== 'set -ex');

    const accounts = [...byAccount.keys()].sort();
    const names = new Map<string, string>();
    for (const account of accounts) {
      const newId = accounts.length === 1 ? id : `${id}-${account}`;
      names.set(account, newId);
      const newScript = accounts.length === 1 ? relScript : join(dirname(relScript), `publish-${newId}-step.sh`);
      if (accounts.length > 1) {
        writeFileSync(join(assemblyDir, newScript), ['set -ex', ...byAccount.get(account)!, ...other].join('\n'), 'utf8');
      }
      out[newId] = {
        ...job,
        name: accounts.length === 1 ? job.name : `${String(job.name)} (${account})`,
        steps: job.steps!.map((s) => {
          if (s.name === ASSET_CREDENTIALS_STEP_NAME) {
            return {
              name: `Authenticate to ${account} via OIDC`,
              uses: s.uses,
              with: { ...s.with, 'aws-region': regionOf(account), 'role-to-assume': roleArn(account), 'role-session-name': 'paradigm-assets' },
            };
          }
          if (s === publish) return { ...s, name: `Publish ${newId}`, run: `/bin/bash ./cdk.out/${newScript}` };
          return s;
        }),
      };
    }
    renamed.set(id, names);
  }

  // Every job that needed a split asset job now needs the copy for its own account.
  for (const [id, job] of Object.entries(out)) {
    if (!job.needs?.some((n) => renamed.has(n))) continue;
    const account = jobAccount(job);
    job.needs = job.needs.flatMap((n) => {
      const names = renamed.get(n);
      if (!names) return [n];
      if (names.size === 1) return [...names.values()];
      const own = account && names.get(account);
      if (!own) throw new Error(`Job ${id} needs asset job ${n}, which publishes to ${[...names.keys()].join(', ')} but not to the job's account ${account}.`);
      return [own];
    });
  }
  return out;
}

/** The account a deploy job authenticates into (from its OIDC role). */
export function jobAccount(job: WorkflowJob): string | undefined {
  for (const step of job.steps ?? []) {
    const role = step.with?.['role-to-assume'];
    if (typeof role === 'string') return role.split(':')[4];
  }
  return undefined;
}
