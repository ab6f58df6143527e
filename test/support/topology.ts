import { EXAMPLE_TOPOLOGY, TopologyError, validateTopology, type Topology, type TopologyInput, type TopologyProblem } from '../../accounts';

/** A deep copy of the example topology input, loosely typed so that a test can break it in any way. */
export function exampleInput(): any {
  return structuredClone(EXAMPLE_TOPOLOGY) satisfies TopologyInput;
}

/** Validates `raw` and returns it, failing the test with the formatted problems if it is invalid. */
export function validTopology(raw: unknown): Topology {
  return validateTopology(raw, 'test topology');
}

/** Validates `raw`, expecting it to be invalid, and returns the problems. */
export function problemsOf(raw: unknown): readonly TopologyProblem[] {
  try {
    validateTopology(raw, 'test topology');
  } catch (e) {
    if (e instanceof TopologyError) return e.problems;
    throw e;
  }
  throw new Error('expected the topology to be invalid, but it validated');
}
