/** Cross-checks of the network plan: Transit Gateway enrolment, Direct Connect ASNs, VLANs, peer addresses and prefixes. */
import { contains, formatAddress, overlaps, parseCidr, type ParsedCidr } from '../cidr';
import { renderValue, type TopologyProblem } from '../problems';
import { asArray, child, isObject, rawEnvironments, str, type Raw } from './raw';

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function range(value: unknown): ParsedCidr | undefined {
  const text = str(value);
  const parsed = text === undefined ? undefined : parseCidr(text);
  return parsed && typeof parsed !== 'string' ? parsed : undefined;
}

/** Spoke enrolment needs attachments accepted automatically (see docs/accounts/network-hub.md). */
export function checkAutoAccept(raw: Raw): TopologyProblem[] {
  return rawEnvironments(raw).flatMap(({ env, i }) => {
    const value = child(child(env, 'network'), 'transitGateway').autoAcceptSharedAttachments;
    return value === false
      ? [{
        path: `environments[${i}].network.transitGateway.autoAcceptSharedAttachments`,
        value: renderValue(value),
        problem: 'spoke attachments would wait for a manual acceptance, so the spoke deploy could not place them in their segment',
        fix: 'set it to true; the Transit Gateway is shared only with this environment\'s spoke accounts, which place their attachment in its segment through the hub\'s enrolment role.',
      }]
      : [];
  });
}

/** ASNs of the Transit Gateway, the DX gateway and the on-premise router differ. */
export function checkAsns(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  for (const { env, i } of rawEnvironments(raw)) {
    const network = child(env, 'network');
    const dx = network.directConnect;
    if (!isObject(dx)) continue;
    const tgwAsn = num(child(network, 'transitGateway').amazonSideAsn);
    const gatewayAsn = num(dx.gatewayAsn);
    const customerAsn = num(dx.customerAsn);
    const base = `environments[${i}].network`;
    if (gatewayAsn !== undefined && gatewayAsn === tgwAsn) {
      problems.push({ path: `${base}.directConnect.gatewayAsn`, value: renderValue(gatewayAsn), problem: `equals the Transit Gateway ASN (${base}.transitGateway.amazonSideAsn); AWS refuses to associate a DX gateway with a Transit Gateway of the same ASN`, fix: 'give the Direct Connect gateway a private ASN of its own.' });
    }
    if (customerAsn !== undefined && (customerAsn === gatewayAsn || customerAsn === tgwAsn)) {
      problems.push({ path: `${base}.directConnect.customerAsn`, value: renderValue(customerAsn), problem: `equals the ${customerAsn === gatewayAsn ? 'Direct Connect gateway' : 'Transit Gateway'} ASN, so BGP would treat on-premise routes as its own and drop them`, fix: 'use the ASN of the on-premise router, different from both Amazon-side ASNs.' });
    }
  }
  return problems;
}

/** One VLAN of one connection carries one virtual interface. */
export function checkVlans(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  const used = new Map<string, string>();
  for (const { env, i } of rawEnvironments(raw)) {
    const dx = child(env, 'network').directConnect;
    if (!isObject(dx) || str(dx.connectionId) === undefined || num(dx.vlan) === undefined) continue;
    const key = `${String(dx.connectionId)}/${String(dx.vlan)}`;
    const path = `environments[${i}].network.directConnect.vlan`;
    const first = used.get(key);
    if (first) problems.push({ path, value: renderValue(dx.vlan), problem: `VLAN ${String(dx.vlan)} of ${String(dx.connectionId)} is already used at ${first}`, fix: 'give every virtual interface on one connection its own VLAN.' });
    else used.set(key, path);
  }
  return problems;
}

/** The two BGP peer addresses are distinct usable hosts of one peering subnet. */
export function checkPeerAddresses(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  for (const { env, i } of rawEnvironments(raw)) {
    const dx = child(env, 'network').directConnect;
    if (!isObject(dx)) continue;
    const amazon = peer(str(dx.amazonAddress));
    const customer = peer(str(dx.customerAddress));
    if (!amazon || !customer) continue;
    const path = `environments[${i}].network.directConnect.customerAddress`;
    const fix = 'use two different host addresses of the same /29, /30 or /31 peering subnet, e.g. "169.254.100.1/30" and "169.254.100.2/30".';
    if (amazon.prefix !== customer.prefix || amazon.network !== customer.network) {
      problems.push({ path, value: renderValue(dx.customerAddress), problem: `is not in the peering subnet of amazonAddress (${String(dx.amazonAddress)})`, fix });
    } else if (amazon.address === customer.address) {
      problems.push({ path, value: renderValue(dx.customerAddress), problem: 'equals amazonAddress', fix });
    }
    for (const [key, p] of [['amazonAddress', amazon], ['customerAddress', customer]] as const) {
      if (p.prefix < 31 && (p.address === p.network || p.address === p.network + 2 ** (32 - p.prefix) - 1)) {
        problems.push({ path: `environments[${i}].network.directConnect.${key}`, value: renderValue(dx[key]), problem: `is the network or broadcast address of ${formatAddress(p.network)}/${p.prefix}`, fix });
      }
    }
  }
  return problems;
}

function peer(value: string | undefined): { address: number; network: number; prefix: number } | undefined {
  const m = value === undefined ? null : /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(value);
  if (!m) return undefined;
  const address = m.slice(1, 5).map(Number).reduce((acc, o) => acc * 256 + o, 0);
  const prefix = Number(m[5]);
  const size = 2 ** (32 - prefix);
  return { address, network: address - (address % size), prefix };
}

/**
 * Allowed prefixes are what AWS advertises to on-premise over Direct Connect: they must cover the
 * workload VPC, must not advertise the SaaS bridge unless segmentation lets it reach on-premise, and
 * must never advertise on-premise's own ranges back.
 */
export function checkAllowedPrefixes(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  const onPremise = asArray(raw.onPremiseCidrs).map(range).filter((r): r is ParsedCidr => r !== undefined);
  for (const { env, i } of rawEnvironments(raw)) {
    const network = child(env, 'network');
    const dx = network.directConnect;
    if (!isObject(dx)) continue;
    const base = `environments[${i}].network.directConnect`;
    if (asArray(raw.onPremiseCidrs).length === 0) {
      problems.push({ path: 'onPremiseCidrs', value: renderValue(raw.onPremiseCidrs), problem: `${base} connects on-premise, but no on-premise range is listed, so segmentation cannot keep the SaaS bridge from it`, fix: 'list the corporate ranges reached over Direct Connect in onPremiseCidrs.' });
    }
    const prefixes = asArray(dx.allowedPrefixes)
      .map((p, j) => ({ j, r: range(p) }))
      .filter((p): p is { j: number; r: ParsedCidr } => p.r !== undefined);
    const workload = range(network.workloadVpcCidr);
    const bridge = range(network.saasBridgeVpcCidr);
    const bridgeAllowed = child(network, 'segmentation').saasBridgeToOnPremise === true;
    if (workload && prefixes.length > 0 && !prefixes.some((p) => contains(p.r, workload))) {
      problems.push({ path: `${base}.allowedPrefixes`, value: renderValue(dx.allowedPrefixes), problem: `no prefix covers the workload VPC (${workload.cidr}), so on-premise could not reach it`, fix: `add "${workload.cidr}" (or a prefix that contains it).` });
    }
    if (bridge && bridgeAllowed && prefixes.length > 0 && !prefixes.some((p) => contains(p.r, bridge))) {
      problems.push({ path: `${base}.allowedPrefixes`, value: renderValue(dx.allowedPrefixes), problem: `segmentation.saasBridgeToOnPremise is true but no prefix covers the SaaS bridge VPC (${bridge.cidr})`, fix: `add "${bridge.cidr}", or set segmentation.saasBridgeToOnPremise to false.` });
    }
    for (const { j, r } of prefixes) {
      if (bridge && !bridgeAllowed && overlaps(r, bridge) && !(workload && contains(r, workload))) {
        problems.push({ path: `${base}.allowedPrefixes[${j}]`, value: renderValue(r.cidr), problem: `advertises the SaaS bridge VPC (${bridge.cidr}) to on-premise, which segmentation keeps apart`, fix: 'remove it, or set network.segmentation.saasBridgeToOnPremise to true.' });
      }
      const own = onPremise.find((o) => overlaps(o, r));
      if (own) {
        problems.push({ path: `${base}.allowedPrefixes[${j}]`, value: renderValue(r.cidr), problem: `overlaps the on-premise range ${own.cidr}; allowed prefixes are advertised to on-premise and must name AWS ranges only`, fix: 'list the environment\'s VPC ranges, not on-premise ones.' });
      }
    }
  }
  return problems;
}

/** The Transit Gateway is regional: the hub and both spokes of an environment share one region. */
export function checkHubRegion(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  for (const { env, i } of rawEnvironments(raw)) {
    const accounts = child(env, 'accounts');
    const hubRegion = str(child(accounts, 'networkHub').region);
    if (hubRegion === undefined) continue;
    for (const role of ['workload', 'saasBridge'] as const) {
      const region = str(child(accounts, role).region);
      if (region !== undefined && region !== hubRegion) {
        problems.push({
          path: `environments[${i}].accounts.${role}.region`,
          value: renderValue(region),
          problem: `differs from the network hub's region (${hubRegion}); a Transit Gateway and the parameters it publishes are regional`,
          fix: `deploy the ${role} account in ${hubRegion}, or move the network hub to ${region}.`,
        });
      }
    }
  }
  return problems;
}
