/**
 * Benchmark (not a test): wall time of the main job — a fresh process synthesizing every environment
 * with every validator — for generated topologies of 1, 3 and 9 environments; median of several runs.
 *
 *   npm run bench                 # 5 runs each, writes docs/PERFORMANCE.md
 *   npm run bench -- --runs 3 --sizes 1,3 --no-write
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { exec } from './lib/exec';
import { generateTopology } from './lib/generated-topology';

const positiveInts = (value: string): number[] => {
  const sizes = value.split(',').map((v) => Number(v.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new InvalidArgumentError(`"${value}" is not a comma-separated list of whole numbers ≥ 1.`);
  return sizes;
};
const positiveInt = (value: string): number => positiveInts(value)[0];

const opts = new Command()
  .name('bench')
  .option('--runs <n>', 'runs per size (the median is reported)', positiveInt, 5)
  .option('--sizes <list>', 'environment counts to synthesize', positiveInts, [1, 3, 9])
  .option('--no-write', 'print the results without updating docs/PERFORMANCE.md')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse()
  .opts<{ runs: number; sizes: number[]; write: boolean }>();

const BENCH_DIR = '.bench';
const tsx = join('node_modules', '.bin', 'tsx');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Row { readonly environments: number; readonly stacks: number; readonly runs: number[] }
/** The stack count the main job reports (pipeline stacks plus every account's bootstrap stacks). */
const stacksOf = (stdout: string): number => Number(/^PASSED: (\d+) stacks/m.exec(stdout)?.[1] ?? Number.NaN);
const rows: Row[] = [];
for (const size of opts.sizes) {
  const dir = join(BENCH_DIR, `env-${size}`);
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  const file = join(dir, 'topology.json');
  writeFileSync(file, JSON.stringify(generateTopology(size), undefined, 2));
  const runs: number[] = [];
  let stacks = Number.NaN;
  for (let i = 0; i < opts.runs; i++) {
    const started = process.hrtime.bigint();
    const result = exec(tsx, ['scripts/synth.ts', '--topology', file, '--outdir', join(dir, 'cdk.out'), '--workflow', join(dir, '.github', 'workflows', 'deploy.yml')]);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) {
      process.stderr.write(result.stdout + result.stderr);
      throw new Error(`The main job failed for ${size} environments (exit ${result.status}); the benchmark measures passing synths only.`);
    }
    runs.push(ms);
    stacks = stacksOf(result.stdout);
    process.stdout.write(`  ${size} environment(s), run ${i + 1}/${opts.runs}: ${(ms / 1000).toFixed(2)} s\n`);
  }
  rows.push({ environments: size, stacks, runs });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const table = [
  '| Environments | Stacks | Median | Min | Max | Runs |',
  '|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.environments} | ${r.stacks} | ${seconds(median(r.runs))} | ${seconds(Math.min(...r.runs))} | ${seconds(Math.max(...r.runs))} | ${r.runs.length} |`),
];
const first = rows[0];
const last = rows[rows.length - 1];
const perEnv = rows.length > 1 ? (median(last.runs) - median(first.runs)) / (last.environments - first.environments) : undefined;
const lines = [
  ...table,
  '',
  perEnv === undefined ? '' : `Each additional environment adds **${seconds(perEnv)}** (median of ${last.environments} minus median of ${first.environments}, divided by ${last.environments - first.environments}).`,
  '',
  `Measured on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
];
process.stdout.write(`\n${lines.join('\n')}\n`);

if (opts.write) {
  const path = join('docs', 'PERFORMANCE.md');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const doc = readFileSync(path, 'utf8');
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`${path} has no ${begin} … ${end} block to update. Fix: add the two markers where the results belong.`);
  writeFileSync(path, `${doc.slice(0, from + begin.length)}\n${lines.join('\n')}\n${doc.slice(to)}`);
  process.stdout.write(`Updated ${path}.\n`);
}
