/** Third-party SaaS providers that the SaaS bridge account connects to. */
import { z } from 'zod';
import { accountId, FIX, nonEmptyText, pattern, region, section, vpcCidr } from './fields';

const providerName = pattern('a provider name', /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/, 'use 3–32 lower-case letters, digits and dashes, starting with a letter');

const peering = section('VPC peering options', {
  type: z.literal('vpc-peering'),
  /** Role in the provider's account that accepts the peering request. */
  accepterRoleArn: pattern('an IAM role ARN', /^arn:aws(-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]+$/, 'ask the provider for the ARN of the role that accepts peering requests, e.g. "arn:aws:iam::222222222222:role/peering-accepter"'),
});

const privateLink = section('PrivateLink options', {
  type: z.literal('privatelink'),
  /** The provider's VPC endpoint service name. */
  serviceName: pattern('a VPC endpoint service name', /^com\.amazonaws\.vpce\.[a-z0-9-]+\.vpce-svc-[0-9a-f]{8,17}$/, 'ask the provider for its endpoint service name, e.g. "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"'),
});

export const saasProviderSchema = section('a SaaS provider', {
  name: providerName,
  displayName: nonEmptyText('a display name', 'e.g. "Provider 1 (EDC)"'),
  accountId,
  region,
  vpcId: pattern('a VPC id', /^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/, 'ask the provider for its VPC id, e.g. "vpc-0a1b2c3d4e5f67890"'),
  cidr: vpcCidr,
  connection: z.discriminatedUnion('type', [peering, privateLink], {
    error: `must say how the provider connects.${FIX}set connection.type to "vpc-peering" or "privatelink".`,
  }),
});

export type SaasProvider = z.infer<typeof saasProviderSchema>;
