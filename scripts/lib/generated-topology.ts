/** Generates valid topologies of any number of environments (for benchmarks and scale tests). */
import { EXAMPLE_TOPOLOGY, type TopologyInput } from '../../accounts';

/**
 * A topology with `count` environments shaped like the example's: unique fake account ids
 * (`5NN00000000R`: environment NN, role R), non-overlapping ranges (10.2n.0.0/16 and 10.2n+1.0.0/20) and Direct Connect
 * on the last environment, which also requires approval.
 */
export function generateTopology(count: number): TopologyInput {
  if (!Number.isInteger(count) || count < 1 || count > 60) {
    throw new Error(`Cannot generate a topology of ${count} environments. Fix: use a whole number from 1 to 60 (each takes two /16 ranges of 10.0.0.0/8 below 10.121).`);
  }
  const template = EXAMPLE_TOPOLOGY.environments[EXAMPLE_TOPOLOGY.environments.length - 1];
  const environments = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const last = n === count;
    const account = (role: number) => `${500 + n}${'0'.repeat(8)}${role}`;
    const workloadVpcCidr = `10.${2 * n}.0.0/16`;
    const saasBridgeVpcCidr = `10.${2 * n + 1}.0.0/20`;
    return {
      ...structuredClone(template),
      name: `env${n}`,
      approval: last ? structuredClone(template.approval) : { required: false, reviewers: [] },
      accounts: {
        audit: { accountId: account(1), region: 'us-east-1' },
        networkHub: { accountId: account(2), region: 'us-east-1' },
        workload: { accountId: account(3), region: 'us-east-1' },
        saasBridge: { accountId: account(4), region: 'us-east-1' },
      },
      network: {
        ...structuredClone(template.network),
        workloadVpcCidr,
        saasBridgeVpcCidr,
        transitGateway: { ...structuredClone(template.network.transitGateway), amazonSideAsn: 64512 + n },
        directConnect: last && template.network.directConnect
          ? { ...structuredClone(template.network.directConnect), allowedPrefixes: [workloadVpcCidr] }
          : undefined,
      },
    };
  });
  return { ...structuredClone(EXAMPLE_TOPOLOGY), environments };
}
