/** Third-party SaaS providers that the SaaS bridge account connects to. */
import { z } from 'zod';
import { accountId, bool, FIX, integer, list, nonEmptyText, pattern, region, section, vpcCidr } from './fields';

const providerName = pattern('a provider name', /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/, 'use 3–32 lower-case letters, digits and dashes, starting with a letter');

/** An IAM role ARN (commercial or GovCloud partition). Which account it must be in is a cross-check. */
const roleArn = (example: string) =>
  pattern('an IAM role ARN', /^arn:aws(-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, `write the full role ARN, e.g. "${example}"`);

/** The AssumeRole ExternalId rules: 2–1224 characters from `[\w+=,.@:/-]`. */
export const EXTERNAL_ID_RE = /^[\w+=,.@:/-]{2,1224}$/;

/** An STS external id. */
export const externalId = pattern(
  'an STS external id',
  EXTERNAL_ID_RE,
  'use 2–1224 letters, digits and the characters _+=,.@:/- (the STS ExternalId rules); agree on a unique, unguessable value with the provider',
);

const peering = section('VPC peering options', {
  type: z.literal('vpc-peering'),
  /** Role in the provider's account that accepts the peering request (cross-account acceptance). */
  accepterRoleArn: roleArn('arn:aws:iam::222222222222:role/peering-accepter'),
});

const privateLink = section('PrivateLink options', {
  type: z.literal('privatelink'),
  /** The provider's VPC endpoint service name. */
  serviceName: pattern('a VPC endpoint service name', /^com\.amazonaws\.vpce\.[a-z0-9-]+\.vpce-svc-[0-9a-f]{8,17}$/, 'ask the provider for its endpoint service name, e.g. "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"'),
  /** Resolve the service's own DNS name to the endpoint; only where the provider's service offers a verified private DNS name. */
  privateDns: bool('privateDns').default(false),
});

/** DynamoDB tables of the provider that Paradigm reads or writes by assuming the provider's role. */
export const DYNAMODB_DATA_ACTIONS = [
  'dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem',
  'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:UpdateItem',
] as const;

const tableArn = pattern(
  'a DynamoDB table ARN',
  /^arn:aws(-us-gov)?:dynamodb:[a-z0-9-]+:\d{12}:table\/[A-Za-z0-9_.-]{3,255}(\/index\/[A-Za-z0-9_.-]{3,255})?$/,
  'write the full table (or index) ARN without wildcards, e.g. "arn:aws:dynamodb:us-east-1:222222222222:table/studies"',
);

export const dynamoDbAccessSchema = section('DynamoDB access options', {
  /** The provider's role that Paradigm assumes (with the external id) to reach the tables. */
  roleArn: roleArn('arn:aws:iam::222222222222:role/paradigm-table-access'),
  /**
   * External id the provider requires when Paradigm assumes `roleArn`.
   * @default - the provider's `externalId`
   */
  externalId: externalId.optional(),
  /** The provider's tables (or indexes) that Paradigm may use; in the provider's account and region. */
  tableArns: list(tableArn, 'DynamoDB table ARNs').min(1, { error: `is empty.${FIX}list the provider's table ARNs that Paradigm needs.` }),
  /** DynamoDB data-plane actions Paradigm needs on those tables (no wildcards). */
  actions: list(z.enum(DYNAMODB_DATA_ACTIONS, { error: `is not an allowed DynamoDB action.${FIX}use one of ${DYNAMODB_DATA_ACTIONS.join(', ')}.` }), 'DynamoDB actions')
    .min(1, { error: `is empty.${FIX}list the DynamoDB actions Paradigm needs, e.g. ["dynamodb:GetItem", "dynamodb:Query"].` }),
});

export const inboundAccessSchema = section('inbound access options', {
  /**
   * The one role of the provider allowed to assume the inbound role.
   * @default - any principal of the provider's account that its own IAM allows (trust pinned to the account)
   */
  principalArn: roleArn('arn:aws:iam::222222222222:role/paradigm-exchange').optional(),
  /**
   * What the provider may do in its prefix of the data-exchange bucket.
   * @default 'read-write'
   */
  access: z.enum(['read', 'write', 'read-write'], { error: `is not an access level.${FIX}use "read", "write" or "read-write".` }).default('read-write'),
});

export const saasProviderSchema = section('a SaaS provider', {
  name: providerName,
  displayName: nonEmptyText('a display name', 'e.g. "Provider 1 (EDC)"'),
  accountId,
  region,
  vpcId: pattern('a VPC id', /^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/, 'ask the provider for its VPC id, e.g. "vpc-0a1b2c3d4e5f67890"'),
  cidr: vpcCidr,
  /** TCP ports Paradigm opens toward the provider (peering) or on the endpoint (PrivateLink). */
  ports: list(integer('a TCP port', 1, 65535), 'TCP ports').min(1, { error: `is empty.${FIX}list the TCP ports the provider's service listens on, e.g. [443].` }),
  /** External id the provider must present when it assumes its inbound role (confused-deputy protection). */
  externalId: externalId,
  connection: z.discriminatedUnion('type', [peering, privateLink], {
    error: `must say how the provider connects.${FIX}set connection.type to "vpc-peering" or "privatelink".`,
  }),
  /**
   * Workloads in other accounts of the environment reach the provider through the Transit Gateway.
   * Only PrivateLink can serve this: VPC peering is not transitive.
   * @default false
   */
  reachableFromWorkloads: bool('reachableFromWorkloads').default(false),
  /** Inbound role the provider assumes to exchange files through the data-exchange bucket. */
  inbound: inboundAccessSchema.prefault({}),
  /** Outbound access to the provider's DynamoDB tables; omit when the provider keeps no data for Paradigm there. */
  dynamodb: dynamoDbAccessSchema.optional(),
});

export type SaasProvider = z.infer<typeof saasProviderSchema>;
export type DynamoDbAccess = z.infer<typeof dynamoDbAccessSchema>;
export type DynamoDbDataAction = (typeof DYNAMODB_DATA_ACTIONS)[number];
