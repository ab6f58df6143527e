/**
 * Account bootstrap: the GitHub access stack (OIDC provider, deploy and drift roles, CloudFormation
 * execution policy) and `cdk bootstrap` with that policy, in every account of the topology.
 *
 *   npm run bootstrap                          # print the plan for every account
 *   npm run bootstrap -- --environment prod    # only one environment
 *   npm run bootstrap -- --execute             # run it with operator credentials
 *
 * With --execute it assumes `oidc.bootstrapAdminRoleName` in each account (operator credentials from
 * the default AWS chain), deploys and bootstraps; it is idempotent, and an account that fails is
 * reported while the others go on. Exit codes: 0 all done; 1 an account failed; 2 bad input.
 */
import { Command } from 'commander';
import { loadTopology, resolveTopologySource } from '../accounts';
import { bootstrapPlan, renderPlan } from './lib/bootstrap-plan';
import { executeBootstrap } from './lib/bootstrap-run';
import { runCli } from './lib/cli';
import { exec } from './lib/exec';
import { assumeRole, stsClient } from './lib/sts';

const opts = new Command()
  .name('bootstrap')
  .option('-t, --topology <file>', 'JSON or YAML topology file (default: $PARADIGM_TOPOLOGY, else the embedded example)')
  .option('-e, --environment <name>', 'only the accounts of this environment')
  .option('--execute', 'run the plan with operator credentials (default: print it)')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse()
  .opts<{ topology?: string; environment?: string; execute?: boolean }>();

async function main(): Promise<number> {
  const source = resolveTopologySource(opts.topology, process.env);
  const topology = loadTopology(source);
  const names = topology.environments.map((e) => e.name);
  if (opts.environment && !names.includes(opts.environment)) {
    process.stderr.write(`--environment "${opts.environment}" is not an environment of the topology. Fix: use one of ${names.join(', ')}.\n`);
    return 2;
  }
  const selected = { ...topology, environments: topology.environments.filter((e) => !opts.environment || e.name === opts.environment) };
  const plan = bootstrapPlan(selected, { topologyFile: 'file' in source ? source.file : undefined });
  process.stdout.write(`${renderPlan(plan)}\n`);
  if (!opts.execute) return 0;

  const outcomes = await executeBootstrap(plan, {
    assume: (roleArn, region) => assumeRole(stsClient({ region }), roleArn, 'paradigm-bootstrap'),
    run: (command, env) => {
      const result = exec(command.command, command.args, { env: { ...process.env, ...env } });
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr); // the CDK CLI reports progress on stderr
      return result;
    },
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const failed = outcomes.filter((o) => !o.ok);
  process.stdout.write(`\n${outcomes.length - failed.length} of ${outcomes.length} accounts bootstrapped.\n`);
  for (const f of failed) process.stderr.write(`  ✗ ${f.account.environment}/${f.account.role} ${f.account.account}: ${f.error}\n`);
  return failed.length === 0 ? 0 : 1;
}

runCli(main);
