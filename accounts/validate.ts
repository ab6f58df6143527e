/** Validates a topology: the schema first, then every cross-check, all problems in one run. */
import type { z } from 'zod';
import { CROSS_CHECKS } from './checks';
import { isObject } from './checks/raw';
import { formatPath, problemFromMessage, renderValue, TopologyError, type TopologyProblem } from './problems';
import { topologySchema, type Topology } from './schema/topology';

/** Parses and validates `raw`; throws a TopologyError naming `source` with every problem found. */
export function validateTopology(raw: unknown, source: string): Topology {
  const result = topologySchema.safeParse(raw, { reportInput: true });
  const problems: TopologyProblem[] = result.success ? [] : result.error.issues.flatMap(issueToProblems);
  if (isObject(raw)) problems.push(...CROSS_CHECKS.flatMap((check) => check(raw)));
  if (problems.length > 0 || !result.success) {
    throw new TopologyError(source, dedupe(problems));
  }
  return result.data;
}

function issueToProblems(issue: z.core.$ZodIssue): TopologyProblem[] {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(issue.path);
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      value: renderValue((issue.input as Record<string, unknown> | undefined)?.[key]),
      problem: `unknown key "${key}"`,
      fix: `remove it or correct its spelling${allowed.length ? `; allowed here: ${allowed.join(', ')}` : ''}.`,
    }));
  }
  // A discriminated union reports the whole object; show the discriminator's value instead.
  const key = issue.path.at(-1);
  const value = issue.code === 'invalid_union' && isObject(issue.input) && typeof key === 'string' ? issue.input[key] : issue.input;
  return [problemFromMessage(path, value, issue.message)];
}

/** The keys the schema allows at `path` (for "unknown key" fixes). */
function allowedKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: any = topologySchema;
  for (const part of path) {
    schema = unwrap(schema);
    if (schema?._zod.def.type === 'array') schema = schema._zod.def.element;
    else if (schema?._zod.def.type === 'object') schema = schema._zod.def.shape[part as string];
    else return [];
    if (typeof part === 'number') continue;
  }
  schema = unwrap(schema);
  return schema?._zod.def.type === 'object' ? Object.keys(schema._zod.def.shape) : [];
}

function unwrap(schema: any): any {
  let s = schema;
  while (s && ['optional', 'default', 'nullable', 'prefault', 'pipe'].includes(s._zod.def.type)) {
    s = s._zod.def.innerType ?? s._zod.def.in;
  }
  return s;
}

function dedupe(problems: TopologyProblem[]): TopologyProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}|${p.problem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
