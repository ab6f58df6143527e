/** How topology problems are collected, formatted and raised. */
import { FIX } from './schema/fields';

export interface TopologyProblem {
  /** Where the problem is, e.g. `environments[2].accounts.workload.accountId`. */
  readonly path: string;
  /** The value found there, rendered as JSON; `undefined` when the key is missing. */
  readonly value?: string;
  /** What is wrong. */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
}

/** Thrown when a topology is invalid; carries every problem found in one run. */
export class TopologyError extends Error {
  public readonly problems: readonly TopologyProblem[];

  constructor(public readonly source: string, problems: readonly TopologyProblem[]) {
    super(formatProblems(source, problems));
    this.name = 'TopologyError';
    this.problems = problems;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

export function renderValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** Builds a problem from a message written as `<problem>. Fix: <fix>`. */
export function problemFromMessage(path: string, value: unknown, message: string): TopologyProblem {
  const at = message.indexOf(FIX);
  const problem = at === -1 ? message : message.slice(0, at);
  const fix = at === -1 ? 'correct the value as described.' : message.slice(at + FIX.length);
  return { path, value: renderValue(value), problem: problem.replace(/\.$/, ''), fix };
}

export function formatProblems(source: string, problems: readonly TopologyProblem[]): string {
  const lines = [`The topology from ${source} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`];
  problems.forEach((p, i) => {
    const value = p.value === undefined ? '' : ` = ${p.value}`;
    lines.push(`  ${i + 1}. ${p.path}${value}`, `     problem: ${p.problem}`, `     fix:     ${p.fix}`);
  });
  return lines.join('\n');
}
