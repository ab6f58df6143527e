/** Loads the topology: the embedded example, or a JSON/YAML file that replaces it. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { EXAMPLE_TOPOLOGY } from './example';
import { TopologyError } from './problems';
import type { Topology } from './schema/topology';
import { validateTopology } from './validate';

/** Environment variable that names a topology file (used when no `--topology` flag is given). */
export const TOPOLOGY_ENV_VAR = 'PARADIGM_TOPOLOGY';

/** Where a topology comes from: a file path, or the embedded example. */
export type TopologySource = { readonly file: string } | { readonly example: true };

/**
 * Chooses the source: the explicit file (a `--topology` flag or `-c topology=` context), else the
 * `PARADIGM_TOPOLOGY` environment variable, else the embedded example.
 */
export function resolveTopologySource(explicitFile: string | undefined, env: NodeJS.ProcessEnv): TopologySource {
  const file = explicitFile ?? env[TOPOLOGY_ENV_VAR];
  return file ? { file } : { example: true };
}

export function loadTopology(source: TopologySource): Topology {
  if ('example' in source) return validateTopology(EXAMPLE_TOPOLOGY, 'the embedded example');
  return validateTopology(readTopologyFile(source.file), source.file);
}

/** Reads and parses a JSON or YAML topology file; unreadable or unparsable files become a TopologyError. */
export function readTopologyFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (e as Error).message;
    throw new TopologyError(file, [{ path: '(file)', problem: `cannot read the topology file: ${reason}`, fix: `check the path given with --topology or ${TOPOLOGY_ENV_VAR}.` }]);
  }
  const ext = extname(file).toLowerCase();
  try {
    if (ext === '.json') return JSON.parse(text);
    if (ext === '.yaml' || ext === '.yml') return parseYaml(text, { uniqueKeys: true });
  } catch (e) {
    throw new TopologyError(file, [{ path: '(file)', problem: `the file is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`, fix: 'correct the syntax at the position given.' }]);
  }
  throw new TopologyError(file, [{ path: '(file)', value: JSON.stringify(ext), problem: 'unsupported file extension', fix: 'name the file *.json, *.yaml or *.yml.' }]);
}
