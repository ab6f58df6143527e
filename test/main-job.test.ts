import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTopology } from '../accounts';
import { exampleIndex } from './support/example';
import { exec } from '../scripts/lib/exec';
import { synthesizePlatform } from '../scripts/lib/platform-synth';
import { renderSummary } from '../scripts/lib/summary';

const repo = join(__dirname, '..');
const tsx = join(repo, 'node_modules', '.bin', 'tsx');

describe('main job', () => {
  test('summary shows every environment and account role with account, region, stacks, resources and findings, then the promotion order', () => {
    const index = exampleIndex();
    const text = renderSummary({ ...index, tiers: [['audit'], ['networkHub'], ['workload', 'saasBridge']] }, repo);
    const lines = text.split('\n');
    const header = lines.find((l) => l.startsWith('Environment'))!;
    expect(header.split(/\s{2,}/)).toEqual(['Environment', 'Account role', 'Account', 'Region', 'Stacks', 'Resources', 'Findings', 'Acknowledged']);
    expect(lines.filter((l) => /^(dev|staging|prod)\s/.test(l))).toHaveLength(12);
    expect(text).toMatch(/^prod\s+Network hub\s+333333333302\s+us-east-1\s+paradigm-prod-network-hub, paradigm-prod-network-hub-github-access\s+\d+\s+0\s+\d+$/m);
    expect(text).toContain('  1. dev        audit → network-hub → workload + saas-bridge   [automatic]');
    expect(text).toContain('  3. prod       audit → network-hub → workload + saas-bridge   [one approval (team:platform-leads, team:security-officers)]');
    expect(text).toMatch(/^PASSED: 30 stacks, 0 unacknowledged findings, \d+ acknowledged\.$/m);
  });

  test('summary lists unacknowledged findings and fails', () => {
    const index = exampleIndex();
    const finding = { source: 'AwsSolutions', rule: 'AwsSolutions-S1', constructPath: 'dev-audit/Audit/X/Resource', description: 'The S3 Bucket has server access logs disabled.' };
    const text = renderSummary({ ...index, passed: false, results: { ...index.results, findings: [finding] }, tiers: [] }, repo);
    expect(text).toContain('✗ AwsSolutions-S1 (AwsSolutions) at dev-audit/Audit/X/Resource');
    expect(text).toMatch(/^FAILED: 30 stacks, 1 unacknowledged findings/m);
  });

  test('fails with exit code 2, every problem and no stack trace when the topology file is invalid', () => {
    const result = exec(tsx, ['scripts/synth.ts', '--topology', 'test/fixtures/three-mistakes/topology.yaml'], { cwd: repo });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('environments[0].accounts.workload.accountId = "12345"');
    expect(result.stderr).toContain('environments[1].accounts.networkHub.region = "mars-north-1"');
    expect(result.stderr).toContain('environments[1].colour');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  test('reads the topology file from PARADIGM_TOPOLOGY', () => {
    const result = exec(tsx, ['scripts/synth.ts'], { cwd: repo, env: { ...process.env, PARADIGM_TOPOLOGY: 'test/fixtures/missing.yaml' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot read the topology file: the file does not exist');
  });

  test('fails with exit code 2 on an unknown flag', () => {
    const result = exec(tsx, ['scripts/synth.ts', '--topolgy', 'x.yaml'], { cwd: repo });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--topolgy'");
  });
});

describe('another topology', () => {
  test('a one-environment topology file synthesizes with every validator into four stacks', () => {
    const root = mkdtempSync(join(tmpdir(), 'paradigm-minimal-'));
    try {
      mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
      const lines: string[] = [];
      const result = synthesizePlatform(loadTopology({ file: join(__dirname, 'fixtures', 'minimal', 'topology.json') }), {
        outdir: join(root, 'cdk.out'),
        workflowPath: join(root, '.github', 'workflows', 'deploy.yml'),
        progress: (line) => lines.push(line),
      });
      expect(result.passed).toBe(true);
      expect(result.environments.map((e) => e.stages.map((s) => s.stacks[0]))).toEqual([ // the pipeline stack of each account
        ['paradigm-sandbox-audit', 'paradigm-sandbox-network-hub', 'paradigm-sandbox-workload', 'paradigm-sandbox-saas-bridge'],
      ]);
      expect(lines[0]).toMatch(/^synthesized sandbox: 4 accounts, 10 stacks/); // 4 pipeline, 4 GitHub access, 2 spoke deploy-role grants
      expect(lines[1]).toMatch(/^validated 10 stacks with/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
