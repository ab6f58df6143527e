/**
 * Names of resources that cross accounts. They are derived from the topology alone, so that a stack in
 * one account can name a resource of another account of the environment without anyone copying ids
 * between deploys (the audit archive, its key alias, the trails, the hub's published parameters and roles).
 */
import { ROLE_INFO, type AccountRole, type EnvironmentConfig } from '../../accounts';

/** Network segments of the Transit Gateway, one route table each. */
export const SEGMENTS = ['workload', 'saasBridge', 'onPremise'] as const;
export type Segment = (typeof SEGMENTS)[number];
/** Segments whose attachments live in a spoke account (the on-premise one is the hub's DX gateway). */
export type SpokeSegment = Extract<Segment, AccountRole>;

export const SEGMENT_SLUG: Readonly<Record<Segment, string>> = { workload: 'workload', saasBridge: 'saas-bridge', onPremise: 'on-premise' };

/** Name of the central log archive bucket in the audit account. */
export function logArchiveBucketName(environment: EnvironmentConfig): string {
  return `paradigm-${environment.name}-logs-${environment.accounts.audit.accountId}`;
}

/** Alias (without `alias/`) of the archive key in the audit account. */
export function logArchiveKeyAlias(environment: EnvironmentConfig): string {
  return `paradigm/${environment.name}/log-archive`;
}

/** ARN of the archive key's alias: CloudTrail in other accounts names the key by it. */
export function logArchiveKeyAliasArn(environment: EnvironmentConfig, partition = 'aws'): string {
  const audit = environment.accounts.audit;
  return `arn:${partition}:kms:${audit.region}:${audit.accountId}:alias/${logArchiveKeyAlias(environment)}`;
}

/** Name of the CloudTrail trail of the environment (the same in every account that has one). */
export function trailName(environment: EnvironmentConfig): string {
  return `paradigm-${environment.name}-trail`;
}

/** ARN of the trail of `role`'s account (the organization trail lives in the audit account). */
export function trailArn(environment: EnvironmentConfig, role: AccountRole, partition = 'aws'): string {
  const account = environment.accounts[role];
  return `arn:${partition}:cloudtrail:${account.region}:${account.accountId}:trail/${trailName(environment)}`;
}

/** Default name of the research-data bucket of the workload account. */
export function researchDataBucketName(environment: EnvironmentConfig): string {
  return environment.audit.trail.researchDataBucketName ?? `paradigm-${environment.name}-research-data-${environment.accounts.workload.accountId}`;
}

/** Keys of the parameters the network hub publishes (relative to `/paradigm/<env>/network-hub/`). */
export const HUB_PARAMETER_KEYS = {
  transitGatewayId: 'transit-gateway-id',
  routeTable: (segment: Segment) => `route-tables/${SEGMENT_SLUG[segment]}`,
} as const;

/** Name of an SSM parameter the network hub publishes, e.g. `/paradigm/dev/network-hub/transit-gateway-id`. */
export function hubParameterName(environment: EnvironmentConfig, key: string): string {
  return `/paradigm/${environment.name}/network-hub/${key}`;
}

/** ARN of a parameter the network hub publishes. */
export function hubParameterArn(environment: EnvironmentConfig, key: string, partition = 'aws'): string {
  const hub = environment.accounts.networkHub;
  return `arn:${partition}:ssm:${hub.region}:${hub.accountId}:parameter${hubParameterName(environment, key)}`;
}

/** Name of the role of a stack's AWS SDK call provider (`SdkCalls`), which the hub's enrolment roles trust. */
export function sdkCallsRoleName(stackName: string): string {
  return `${stackName}-sdk-calls`.slice(0, 64);
}

/** Name of the hub role through which the spoke of `segment` places its attachment in its segment. */
export function enrolmentRoleName(environment: EnvironmentConfig, segment: SpokeSegment): string {
  return `paradigm-${environment.name}-tgw-enrol-${ROLE_INFO[segment].slug}`;
}

export function enrolmentRoleArn(environment: EnvironmentConfig, segment: SpokeSegment, partition = 'aws'): string {
  return `arn:${partition}:iam::${environment.accounts.networkHub.accountId}:role/${enrolmentRoleName(environment, segment)}`;
}

/**
 * The segmentation table: the route tables into which each segment's routes are propagated.
 * workload ↔ on-premise, workload ↔ SaaS bridge; SaaS bridge ↔ on-premise only when the topology allows it.
 */
export function propagationTargets(segment: Segment, saasBridgeToOnPremise: boolean): readonly Segment[] {
  switch (segment) {
    case 'workload': return ['onPremise', 'saasBridge'];
    case 'saasBridge': return saasBridgeToOnPremise ? ['workload', 'onPremise'] : ['workload'];
    case 'onPremise': return saasBridgeToOnPremise ? ['workload', 'saasBridge'] : ['workload'];
  }
}
