/**
 * The main job: synthesize every environment of the topology with all validators and print a summary.
 *
 *   npm run platform                          # the embedded example topology
 *   npm run platform -- --topology my.yaml    # a topology file (JSON or YAML)
 *   PARADIGM_TOPOLOGY=my.yaml npm run platform
 *
 * Exit codes: 0 passed; 1 unacknowledged findings; 2 invalid topology or usage.
 */
import { relative, resolve } from 'node:path';
import { Command } from 'commander';
import { loadTopology, resolveTopologySource } from '../accounts';
import { DEPLOY_WORKFLOW_PATH } from '../stages';
import { EXIT, runCli } from './lib/cli';
import { updatePipelineDoc } from './lib/pipeline-doc';
import { synthesizePlatform } from './lib/platform-synth';
import { renderSummary } from './lib/summary';

const PIPELINE_DOC = 'docs/PIPELINE.md';

const program = new Command()
  .name('platform')
  .description('Synthesize every environment of the topology with all validators and print a summary.')
  .option('-t, --topology <file>', 'JSON or YAML topology file (default: $PARADIGM_TOPOLOGY, else the embedded example)')
  .option('--outdir <dir>', 'cloud assembly directory', 'cdk.out')
  .option('--workflow <file>', 'where to write the deploy workflow (keep the default unless experimenting)', '.github/workflows/deploy.yml')
  .option('--no-control-tower', 'skip the Control Tower proactive controls (to measure their cost; not a complete check)')
  .option('--no-paradigm', 'skip the Paradigm pack (to measure its cost; not a complete check)')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse();

const opts = program.opts<{ topology?: string; outdir: string; workflow: string; controlTower: boolean; paradigm: boolean }>();

runCli(() => {
  const source = resolveTopologySource(opts.topology, process.env);
  const topology = loadTopology(source);
  const label = 'file' in source ? source.file : 'the embedded example topology';
  process.stdout.write(`Paradigm Platform: synthesizing ${label} (${topology.environments.length} environments, ${topology.environments.length * 4} accounts)\n`);
  const result = synthesizePlatform(topology, {
    outdir: opts.outdir,
    workflowPath: opts.workflow,
    topologyFile: 'file' in source ? relative(process.cwd(), source.file) : undefined,
    policies: { controlTower: opts.controlTower, paradigmPack: opts.paradigm },
    progress: (line) => process.stdout.write(`  … ${line}\n`),
  });
  process.stdout.write(`${renderSummary(result)}\n`);
  const skipped = [opts.controlTower ? undefined : 'Control Tower', opts.paradigm ? undefined : 'Paradigm'].filter((s) => s !== undefined);
  if (skipped.length > 0) process.stdout.write(`Not a complete check: ${skipped.join(' and ')} skipped on request.\n`);
  // The committed workflow's job graph is documented in docs/PIPELINE.md; keep it current.
  if (resolve(opts.workflow) === resolve(DEPLOY_WORKFLOW_PATH) && updatePipelineDoc(PIPELINE_DOC, opts.workflow)) {
    process.stdout.write(`Updated the job graph in ${PIPELINE_DOC}.\n`);
  }
  return result.passed ? EXIT.ok : EXIT.failed;
});
