/**
 * Entry point of `cdk synth` (cdk.json). The topology comes from `-c topology=<file>`, the
 * PARADIGM_TOPOLOGY environment variable, or the embedded example.
 */
import { relative } from 'node:path';
import { loadTopology, resolveTopologySource, TopologyError } from '../accounts';
import { createPlatformApp } from './app';

try {
  const contextFile = process.env.CDK_CONTEXT_JSON ? (JSON.parse(process.env.CDK_CONTEXT_JSON).topology as string | undefined) : undefined;
  const source = resolveTopologySource(contextFile, process.env);
  const topology = loadTopology(source);
  createPlatformApp({ topology, topologyFile: 'file' in source ? relative(process.cwd(), source.file) : undefined }).app.synth();
} catch (e) {
  if (e instanceof TopologyError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  throw e;
}
