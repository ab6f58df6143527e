/**
 * Verifies, from a GitHub Actions job, that the job's OIDC token opens the role of every account of one
 * environment, and prints a table: account, role, ok or the reason. Run by the "verify-access" workflow
 * under the environment's GitHub environment (that is the subject the deploy roles trust).
 *
 *   npm run verify-access -- --environment dev
 *   npm run verify-access -- --environment dev --role drift   # in a job without a GitHub environment
 *
 * Exit codes: 0 every account ok; 1 an account failed; 2 bad input or no OIDC token.
 */
import { appendFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { loadTopology, resolveTopologySource } from '../accounts';
import { runCli } from './lib/cli';
import { renderAccessTable, requestOidcToken, verifyAccess } from './lib/verify-access';

const opts = new Command()
  .name('verify-access')
  .requiredOption('-e, --environment <name>', 'environment whose accounts to check')
  .addOption(new Option('--role <kind>', 'which role to assume').choices(['deploy', 'drift']).default('deploy'))
  .option('-t, --topology <file>', 'JSON or YAML topology file (default: $PARADIGM_TOPOLOGY, else the embedded example)')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse()
  .opts<{ environment: string; role: 'deploy' | 'drift'; topology?: string }>();

async function main(): Promise<number> {
  const topology = loadTopology(resolveTopologySource(opts.topology, process.env));
  const environment = topology.environments.find((e) => e.name === opts.environment);
  if (!environment) {
    process.stderr.write(`--environment "${opts.environment}" is not an environment of the topology. Fix: use one of ${topology.environments.map((e) => e.name).join(', ')}.\n`);
    return 2;
  }
  let token: string;
  try {
    token = await requestOidcToken(process.env);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const roleName = opts.role === 'drift' ? topology.oidc.driftRoleName : topology.oidc.deployRoleName;
  const checks = await verifyAccess(environment, roleName, token);
  const table = renderAccessTable(checks);
  process.stdout.write(`${table}\n`);
  if (process.env.GITHUB_STEP_SUMMARY) {
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, `### Access to ${environment.name} (${opts.role} role)\n\n\`\`\`\n${table}\n\`\`\`\n`);
  }
  return checks.every((c) => c.ok) ? 0 : 1;
}

runCli(main);
