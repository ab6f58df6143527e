/** Validates a topology: the schema first, then every cross-check, all problems in one run. */
import type { z } from 'zod';
import { contains, overlaps, parseCidr, type ParsedCidr } from './cidr';
import { formatPath, problemFromMessage, renderValue, TopologyError, type TopologyProblem } from './problems';
import { ACCOUNT_ROLES, approvalEnvironmentName, ROLE_INFO } from './roles';
import { topologySchema, type Topology } from './schema/topology';

/** Parses and validates `raw`; throws a TopologyError naming `source` with every problem found. */
export function validateTopology(raw: unknown, source: string): Topology {
  const result = topologySchema.safeParse(raw, { reportInput: true });
  const problems: TopologyProblem[] = result.success ? [] : result.error.issues.flatMap(issueToProblems);
  problems.push(...crossCheck(raw));
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
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
    return [problemFromMessage(`${path}.type`, (issue.input as { type?: unknown } | undefined)?.type, issue.message)];
  }
  if (issue.code === 'invalid_value' && issue.path.at(-1) === 'type') {
    return [problemFromMessage(path, issue.input, issue.message)];
  }
  return [problemFromMessage(path, issue.input, issue.message)];
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

// ---------------------------------------------------------------------------------------------
// Cross-checks. They read the raw input defensively, so that they still report what they can
// when parts of the topology are malformed (those parts are reported by the schema).
// ---------------------------------------------------------------------------------------------

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

interface NamedRange {
  readonly path: string;
  readonly label: string;
  readonly range: ParsedCidr;
}

function crossCheck(raw: unknown): TopologyProblem[] {
  if (!isObject(raw)) return [];
  const problems: TopologyProblem[] = [];
  const environments = asArray(raw.environments).map((e, i) => ({ env: isObject(e) ? e : {}, i }));

  // Environment names: unique, and not colliding with another environment's approval gate.
  const names = new Map<string, number>();
  for (const { env, i } of environments) {
    const name = str(env.name);
    if (name === undefined) continue;
    const first = names.get(name);
    if (first !== undefined) {
      problems.push({ path: `environments[${i}].name`, value: renderValue(name), problem: `environment name is already used by environments[${first}]`, fix: 'give every environment a unique name.' });
    } else {
      names.set(name, i);
    }
  }
  for (const { env, i } of environments) {
    const name = str(env.name);
    const gate = name && [...names.keys()].find((other) => approvalEnvironmentName(other) === name);
    if (gate) {
      problems.push({ path: `environments[${i}].name`, value: renderValue(name), problem: `collides with the GitHub approval environment of "${gate}"`, fix: `rename it; "${approvalEnvironmentName(gate)}" is reserved for the approval gate of "${gate}".` });
    }
  }

  // Accounts: one role per account, and no account shared between environments.
  const owners = new Map<string, string>();
  for (const { env, i } of environments) {
    const accounts = isObject(env.accounts) ? env.accounts : {};
    for (const role of ACCOUNT_ROLES) {
      const account = isObject(accounts[role]) ? accounts[role] : {};
      const id = str(account.accountId);
      if (!id || !/^\d{12}$/.test(id)) continue;
      const path = `environments[${i}].accounts.${role}.accountId`;
      const owner = owners.get(id);
      if (owner) {
        problems.push({
          path,
          value: renderValue(id),
          problem: `account ${id} is already used by ${owner}`,
          fix: `give every account role of every environment its own AWS account (${ROLE_INFO[role].title} of ${str(env.name) ?? `environments[${i}]`} needs a different id); sharing accounts mixes blast radius and OIDC trust.`,
        });
      } else {
        owners.set(id, path);
      }
    }
  }

  // Approval: a required approval needs at least one reviewer.
  for (const { env, i } of environments) {
    const approval = isObject(env.approval) ? env.approval : {};
    if (approval.required === true && Array.isArray(approval.reviewers) && approval.reviewers.length === 0) {
      problems.push({ path: `environments[${i}].approval.reviewers`, value: '[]', problem: 'approval is required but nobody may approve', fix: 'list at least one GitHub user or team ("team:<slug>"), or set approval.required to false.' });
    }
    if (approval.required === true && approval.reviewers === undefined) {
      problems.push({ path: `environments[${i}].approval.reviewers`, problem: 'approval is required but nobody may approve', fix: 'list at least one GitHub user or team ("team:<slug>"), or set approval.required to false.' });
    }
  }

  // CIDRs: no overlap across every VPC of every environment, the on-premise ranges and SaaS VPCs.
  const ranges: NamedRange[] = [];
  const addRange = (path: string, label: string, value: unknown) => {
    const cidr = str(value);
    const parsed = cidr === undefined ? undefined : parseCidr(cidr);
    if (parsed && typeof parsed !== 'string') ranges.push({ path, label, range: parsed });
  };
  for (const { env, i } of environments) {
    const network = isObject(env.network) ? env.network : {};
    const envName = str(env.name) ?? `environments[${i}]`;
    addRange(`environments[${i}].network.workloadVpcCidr`, `the workload VPC of ${envName}`, network.workloadVpcCidr);
    addRange(`environments[${i}].network.saasBridgeVpcCidr`, `the SaaS bridge VPC of ${envName}`, network.saasBridgeVpcCidr);
  }
  asArray(raw.onPremiseCidrs).forEach((c, i) => addRange(`onPremiseCidrs[${i}]`, 'an on-premise range', c));
  asArray(raw.saasProviders).forEach((p, i) => {
    const provider = isObject(p) ? p : {};
    addRange(`saasProviders[${i}].cidr`, `the VPC of SaaS provider "${str(provider.name) ?? i}"`, provider.cidr);
  });
  for (let a = 0; a < ranges.length; a++) {
    for (let b = a + 1; b < ranges.length; b++) {
      const x = ranges[a];
      const y = ranges[b];
      if (!overlaps(x.range, y.range)) continue;
      const how = contains(x.range, y.range) || contains(y.range, x.range) ? 'contains or equals' : 'overlaps';
      problems.push({
        path: y.path,
        value: renderValue(y.range.cidr),
        problem: `${y.label} (${y.range.cidr}) ${how} ${x.label} (${x.range.cidr}, at ${x.path})`,
        fix: 'give every VPC, on-premise range and SaaS provider VPC a range of its own; routing through the Transit Gateway and peering needs unique addresses.',
      });
    }
  }

  // SaaS provider names are unique (they name peering connections, roles and routes).
  const providerNames = new Map<string, number>();
  asArray(raw.saasProviders).forEach((p, i) => {
    const name = isObject(p) ? str(p.name) : undefined;
    if (!name) return;
    const first = providerNames.get(name);
    if (first !== undefined) {
      problems.push({ path: `saasProviders[${i}].name`, value: renderValue(name), problem: `provider name is already used by saasProviders[${first}]`, fix: 'give every SaaS provider a unique name.' });
    } else {
      providerNames.set(name, i);
    }
  });

  return problems;
}
