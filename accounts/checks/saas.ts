/** Cross-checks of SaaS providers: unique names, ARNs in the provider's account, and paths the bridge can route. */
import { renderValue, type TopologyProblem } from '../problems';
import { asArray, child, isObject, rawEnvironments, str, type Raw } from './raw';

/** The providers of the raw topology with their index and name (malformed entries become `{}`). */
function rawProviders(raw: Raw): { p: Raw; i: number; name: string }[] {
  return asArray(raw.saasProviders).map((p, i) => {
    const provider = isObject(p) ? p : {};
    return { p: provider, i, name: str(provider.name) ?? `saasProviders[${i}]` };
  });
}

/** Account and region fields of an ARN, or undefined when it is not an ARN. */
function arnParts(value: unknown): { region: string; account: string } | undefined {
  const parts = str(value)?.split(':');
  return parts && parts.length >= 6 && parts[0] === 'arn' ? { region: parts[3], account: parts[4] } : undefined;
}

/** Provider names are unique (they name peering connections, roles and routes). */
export function checkProviderNames(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  const names = new Map<string, number>();
  asArray(raw.saasProviders).forEach((p, i) => {
    const name = isObject(p) ? str(p.name) : undefined;
    if (!name) return;
    const first = names.get(name);
    if (first !== undefined) {
      problems.push({ path: `saasProviders[${i}].name`, value: renderValue(name), problem: `provider name is already used by saasProviders[${first}]`, fix: 'give every SaaS provider a unique name.' });
    } else {
      names.set(name, i);
    }
  });
  return problems;
}

/** Every role and table ARN of a provider lies in the provider's own account (and tables in its region). */
export function checkProviderArns(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  for (const { p, i, name } of rawProviders(raw)) {
    const account = str(p.accountId);
    const region = str(p.region);
    if (!account) continue;
    const expectAccount = (path: string, value: unknown, what: string, fix: string) => {
      const arn = arnParts(value);
      if (arn && arn.account !== account) {
        problems.push({ path, value: renderValue(value), problem: `${what} in the wrong account: ${arn.account}, but provider "${name}" is account ${account}`, fix });
      }
    };
    const connection = child(p, 'connection');
    if (connection.type === 'vpc-peering') {
      expectAccount(`saasProviders[${i}].connection.accepterRoleArn`, connection.accepterRoleArn, 'accepter role',
        `use the peering accepter role that the provider created in its own account ${account} (the account that owns the peer VPC); only that account can accept the request.`);
    }
    expectAccount(`saasProviders[${i}].inbound.principalArn`, child(p, 'inbound').principalArn, 'inbound principal',
      `name a role of the provider's account ${account}, or remove principalArn to trust the account as a whole.`);
    const dynamodb = child(p, 'dynamodb');
    expectAccount(`saasProviders[${i}].dynamodb.roleArn`, dynamodb.roleArn, 'DynamoDB access role',
      `use the role the provider created in its account ${account} for Paradigm's table access.`);
    asArray(dynamodb.tableArns).forEach((table, t) => {
      const path = `saasProviders[${i}].dynamodb.tableArns[${t}]`;
      expectAccount(path, table, 'table', `list only tables of the provider's account ${account}; tables of other accounts need a provider entry of their own.`);
      const arn = arnParts(table);
      if (arn && region && arn.region !== region) {
        problems.push({ path, value: renderValue(table), problem: `table in region ${arn.region}, but provider "${name}" is in ${region}`, fix: `use the table's ARN in ${region} (a global-table replica), or correct the provider's region.` });
      }
    });
  }
  return problems;
}

/**
 * Paths the bridge cannot route. VPC peering is not transitive, so traffic entering the bridge VPC
 * through the Transit Gateway never leaves through a peering connection; interface endpoints and
 * DynamoDB gateway endpoints only reach services of the VPC's own region.
 */
export function checkProviderRouting(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  const bridges = rawEnvironments(raw).map(({ env, i }) => ({
    env: str(env.name) ?? `environments[${i}]`,
    region: str(child(child(env, 'accounts'), 'saasBridge').region),
  }));
  for (const { p, i, name } of rawProviders(raw)) {
    const connection = child(p, 'connection');
    if (connection.type === 'vpc-peering' && p.reachableFromWorkloads === true) {
      problems.push({
        path: `saasProviders[${i}].reachableFromWorkloads`,
        value: 'true',
        problem: `provider "${name}" connects by VPC peering, which is not transitive: traffic from workload accounts arrives through the Transit Gateway and cannot leave the bridge VPC through the peering connection`,
        fix: 'set connection.type to "privatelink" with the provider\'s endpoint service (endpoints are reachable through the Transit Gateway), or set reachableFromWorkloads to false and exchange data through the data-exchange bucket or a proxy in the bridge VPC.',
      });
    }
    const serviceRegion = connection.type === 'privatelink' ? /^com\.amazonaws\.vpce\.([a-z0-9-]+)\.vpce-svc-/.exec(str(connection.serviceName) ?? '')?.[1] : undefined;
    const tables = asArray(child(p, 'dynamodb').tableArns);
    for (const bridge of bridges) {
      if (!bridge.region) continue;
      if (serviceRegion && serviceRegion !== bridge.region) {
        problems.push({
          path: `saasProviders[${i}].connection.serviceName`,
          value: renderValue(connection.serviceName),
          problem: `the endpoint service of "${name}" is in ${serviceRegion}, but the SaaS bridge of ${bridge.env} is in ${bridge.region}; an interface endpoint connects only to services of its own region`,
          fix: `ask the provider for an endpoint service in ${bridge.region}, or use connection.type "vpc-peering" (peering works across regions).`,
        });
      }
      tables.forEach((table, t) => {
        const arn = arnParts(table);
        if (arn && arn.region !== bridge.region) {
          problems.push({
            path: `saasProviders[${i}].dynamodb.tableArns[${t}]`,
            value: renderValue(table),
            problem: `table in ${arn.region}, but ${bridge.env} runs in ${bridge.region}; its VPCs have no internet access and DynamoDB endpoints only reach tables of their own region`,
            fix: `ask the provider for a replica of the table in ${bridge.region} (a DynamoDB global table) and list that ARN.`,
          });
        }
      });
    }
  }
  return problems;
}
