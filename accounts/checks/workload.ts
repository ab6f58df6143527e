/**
 * Cross-checks of the workload settings that one field alone cannot check: scaling ranges are
 * ordered, storage autoscaling can grow, Redshift node counts fit the node type, and analytics
 * networks allowed into Redshift are on-premise ranges the topology names.
 */
import { contains, parseCidr, type ParsedCidr } from '../cidr';
import { renderValue, type TopologyProblem } from '../problems';
import { asArray, child, rawEnvironments, str, type Raw } from './raw';
import { WORKLOAD_DEFAULTS } from '../schema/workload';

/** The number at `obj[key]`, the default when the key is absent, undefined when it is malformed (the schema reports that). */
function num(obj: Raw, key: string, fallback: number): number | undefined {
  const v = obj[key];
  if (v === undefined) return fallback;
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

type CapacityDefaults = { minCapacity: number; desiredCapacity?: number; maxCapacity: number };

function checkCapacity(section: Raw, path: string, defaults: CapacityDefaults): TopologyProblem[] {
  const min = num(section, 'minCapacity', defaults.minCapacity);
  const desired = defaults.desiredCapacity === undefined ? undefined : num(section, 'desiredCapacity', defaults.desiredCapacity);
  const max = num(section, 'maxCapacity', defaults.maxCapacity);
  const problems: TopologyProblem[] = [];
  if (min !== undefined && max !== undefined && min > max) {
    problems.push({ path: `${path}.minCapacity`, value: renderValue(min), problem: `minCapacity ${min} is above maxCapacity ${max}`, fix: `make minCapacity ≤ ${defaults.desiredCapacity === undefined ? '' : 'desiredCapacity ≤ '}maxCapacity.` });
  } else if (desired !== undefined && ((min !== undefined && desired < min) || (max !== undefined && desired > max))) {
    problems.push({ path: `${path}.desiredCapacity`, value: renderValue(desired), problem: `desiredCapacity ${desired} is outside minCapacity ${min} to maxCapacity ${max}`, fix: 'make minCapacity ≤ desiredCapacity ≤ maxCapacity.' });
  }
  return problems;
}

export function checkWorkloadSizes(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  for (const { env, i } of rawEnvironments(raw)) {
    const workload = child(env, 'workload');
    const base = `environments[${i}].workload`;
    problems.push(...checkCapacity(child(workload, 'compute'), `${base}.compute`, WORKLOAD_DEFAULTS.compute));
    problems.push(...checkCapacity(child(workload, 'eks'), `${base}.eks`, WORKLOAD_DEFAULTS.eks));

    const db = child(workload, 'database');
    const allocated = num(db, 'allocatedStorageGiB', WORKLOAD_DEFAULTS.database.allocatedStorageGiB);
    const ceiling = num(db, 'maxAllocatedStorageGiB', WORKLOAD_DEFAULTS.database.maxAllocatedStorageGiB);
    if (allocated !== undefined && ceiling !== undefined && ceiling < allocated) {
      problems.push({
        path: `${base}.database.maxAllocatedStorageGiB`,
        value: renderValue(ceiling),
        problem: `the storage autoscaling limit (${ceiling} GiB) is below the allocated storage (${allocated} GiB)`,
        fix: 'set maxAllocatedStorageGiB to at least allocatedStorageGiB.',
      });
    }

    const redshift = child(workload, 'redshift');
    const nodeType = str(redshift.nodeType) ?? WORKLOAD_DEFAULTS.redshift.nodeType;
    const nodes = num(redshift, 'numberOfNodes', WORKLOAD_DEFAULTS.redshift.numberOfNodes);
    if ((nodeType === 'ra3.4xlarge' || nodeType === 'ra3.16xlarge') && nodes === 1) {
      problems.push({
        path: `${base}.redshift.numberOfNodes`,
        value: renderValue(nodes),
        problem: `${nodeType} does not run as a single-node cluster`,
        fix: `use at least 2 nodes with ${nodeType}, or choose "ra3.large" or "ra3.xlplus" for one node.`,
      });
    }
  }
  return problems;
}

/** Every Redshift analytics CIDR lies within one of the topology's on-premise ranges. */
export function checkAnalyticsCidrs(raw: Raw): TopologyProblem[] {
  const onPremise = asArray(raw.onPremiseCidrs)
    .map((c) => (typeof c === 'string' ? parseCidr(c) : undefined))
    .filter((c): c is ParsedCidr => c !== undefined && typeof c !== 'string');
  const named = onPremise.map((c) => c.cidr).join(', ') || 'none';
  const problems: TopologyProblem[] = [];
  for (const { env, i } of rawEnvironments(raw)) {
    asArray(child(child(env, 'workload'), 'redshift').analyticsCidrs).forEach((value, j) => {
      const parsed = typeof value === 'string' ? parseCidr(value) : undefined;
      if (parsed === undefined || typeof parsed === 'string') return;
      if (onPremise.some((range) => contains(range, parsed))) return;
      problems.push({
        path: `environments[${i}].workload.redshift.analyticsCidrs[${j}]`,
        value: renderValue(value),
        problem: `${parsed.cidr} is not within any on-premise range (onPremiseCidrs: ${named})`,
        fix: 'allow only on-premise analytics networks: use a range inside onPremiseCidrs, or add the on-premise range there first.',
      });
    });
  }
  return problems;
}
