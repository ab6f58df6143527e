/** Cross-check of address ranges: every VPC, on-premise range and SaaS VPC has a range of its own. */
import { contains, overlaps, parseCidr, type ParsedCidr } from '../cidr';
import { renderValue, type TopologyProblem } from '../problems';
import { asArray, child, isObject, rawEnvironments, str, type Raw } from './raw';

interface NamedRange {
  readonly path: string;
  readonly label: string;
  readonly range: ParsedCidr;
}

/** Every address range the topology names, with its path and a label for messages. */
export function namedRanges(raw: Raw): NamedRange[] {
  const ranges: NamedRange[] = [];
  const add = (path: string, label: string, value: unknown) => {
    const cidr = str(value);
    const parsed = cidr === undefined ? undefined : parseCidr(cidr);
    if (parsed && typeof parsed !== 'string') ranges.push({ path, label, range: parsed });
  };
  for (const { env, i } of rawEnvironments(raw)) {
    const network = child(env, 'network');
    const envName = str(env.name) ?? `environments[${i}]`;
    add(`environments[${i}].network.workloadVpcCidr`, `the workload VPC of ${envName}`, network.workloadVpcCidr);
    add(`environments[${i}].network.saasBridgeVpcCidr`, `the SaaS bridge VPC of ${envName}`, network.saasBridgeVpcCidr);
  }
  asArray(raw.onPremiseCidrs).forEach((c, i) => add(`onPremiseCidrs[${i}]`, 'an on-premise range', c));
  asArray(raw.saasProviders).forEach((p, i) => {
    const provider = isObject(p) ? p : {};
    add(`saasProviders[${i}].cidr`, `the VPC of SaaS provider "${str(provider.name) ?? i}"`, provider.cidr);
  });
  return ranges;
}

export function checkCidrOverlaps(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  const ranges = namedRanges(raw);
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
  return problems;
}
