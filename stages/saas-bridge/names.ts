/**
 * Names that other accounts and the provider need to know in advance: subnet groups of the bridge VPC,
 * the key prefix of each provider in the data-exchange bucket, and the role names (so that ARNs are
 * predictable across accounts without copying ids between deploys).
 */

/** Subnet groups of the SaaS bridge VPC. */
export const BRIDGE_SUBNETS = [
  /** Peering routes, PrivateLink endpoint interfaces and bridge services (proxies). */
  { name: 'bridge', cidrMask: 24 },
  /** Reserved for the Transit Gateway attachment's interfaces. */
  { name: 'transit', cidrMask: 28 },
] as const;

export const BRIDGE_SUBNET_GROUP = BRIDGE_SUBNETS[0].name;
export const TRANSIT_SUBNET_GROUP = BRIDGE_SUBNETS[1].name;

/** Key prefix of a provider in the data-exchange bucket; its inbound role reaches nothing else. */
export function providerPrefix(provider: string): string {
  return `providers/${provider}/`;
}

/** Name of the role a provider assumes (with its external id) to exchange files; at most 62 characters. */
export function inboundRoleName(environment: string, provider: string): string {
  return `saas-${environment}-${provider}-inbound`;
}

/**
 * Name of the bridge-account role that workloads of the same environment assume to reach a
 * provider's DynamoDB tables; at most 63 characters.
 */
export function dynamoDbAccessRoleName(environment: string, provider: string): string {
  return `saas-${environment}-${provider}-dynamodb`;
}
