import { Stack } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../common/acknowledge';
import { propagationTargets, SEGMENT_SLUG, type Segment, type SpokeSegment } from '../common/platform-names';

export interface EnrolmentRolesProps {
  /** Name of the environment, used in descriptions. */
  readonly environmentName: string;
  /** Name of the role of each spoke segment (see `enrolmentRoleName`). */
  readonly roleName: (segment: SpokeSegment) => string;
  /** Spoke account of each spoke segment. */
  readonly spokeAccounts: Readonly<Record<SpokeSegment, string>>;
  /** Name of the role in each spoke account that may assume its enrolment role (the spoke stack's SDK call role). */
  readonly spokeRoleNames: Readonly<Record<SpokeSegment, string>>;
  /** Route table of every segment. */
  readonly tables: Readonly<Record<Segment, ec2.CfnTransitGatewayRouteTable>>;
  /**
   * Let the SaaS bridge and on-premise reach each other.
   * @default false
   */
  readonly saasBridgeToOnPremise?: boolean;
}

/**
 * One role per spoke segment, assumable only from that spoke's account, through which the spoke's
 * deploy places its own attachment in its segment: associate with the segment's route table, and
 * propagate into exactly the route tables the segmentation table allows. Route table associations
 * must be made in the Transit Gateway owner account; these roles keep the segmentation policy here.
 */
export class EnrolmentRoles extends Construct {
  public readonly roles: Readonly<Record<SpokeSegment, iam.Role>>;

  constructor(scope: Construct, id: string, props: EnrolmentRolesProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const tableArn = (segment: Segment) => stack.formatArn({ service: 'ec2', resource: 'transit-gateway-route-table', resourceName: props.tables[segment].ref });
    // Attachments of shared Transit Gateways are owned by the spoke account, hence the account wildcard.
    const attachments = `arn:${stack.partition}:ec2:${stack.region}:*:transit-gateway-attachment/*`;
    const roles = {} as Record<SpokeSegment, iam.Role>;
    for (const segment of ['workload', 'saasBridge'] as const) {
      const targets = propagationTargets(segment, props.saasBridgeToOnPremise ?? false);
      const policy = new iam.ManagedPolicy(this, `${segment[0].toUpperCase()}${segment.slice(1)}Policy`, {
        statements: [
          new iam.PolicyStatement({
            sid: 'AssociateWithOwnSegment',
            actions: ['ec2:AssociateTransitGatewayRouteTable', 'ec2:DisassociateTransitGatewayRouteTable'],
            resources: [tableArn(segment), attachments],
          }),
          new iam.PolicyStatement({
            sid: 'PropagateIntoAllowedSegments',
            actions: ['ec2:EnableTransitGatewayRouteTablePropagation', 'ec2:DisableTransitGatewayRouteTablePropagation'],
            resources: [...targets.map(tableArn), attachments],
          }),
        ],
      });
      const role = new iam.Role(this, `${segment[0].toUpperCase()}${segment.slice(1)}`, {
        roleName: props.roleName(segment),
        // Only the spoke stack's SDK call role may assume it, not any principal of the spoke account.
        assumedBy: new iam.AccountPrincipal(props.spokeAccounts[segment]).withConditions({
          ArnEquals: { 'aws:PrincipalArn': `arn:${stack.partition}:iam::${props.spokeAccounts[segment]}:role/${props.spokeRoleNames[segment]}` },
        }),
        description: `Lets the ${SEGMENT_SLUG[segment]} account of ${props.environmentName} place its attachment in its Transit Gateway segment`,
        managedPolicies: [policy],
      });
      acknowledge(role, 'Paradigm::Paradigm-CrossAccountTrustCondition',
        'Trusts one exact role of an account of the same environment (aws:PrincipalArn = the spoke stack\'s SDK-call role), not a third party; '
        + 'aws:PrincipalOrgID is not available to a topology without an AWS Organization, and an external id protects third-party trust only.');
      acknowledge(policy, `AwsSolutions::AwsSolutions-IAM5[Resource::${attachments}]`,
        'The spoke creates its attachment in its own deploy, after this role exists, so its id is unknown here; the route tables (the segmentation policy) are named exactly, and an association is exclusive per attachment.');
      roles[segment] = role;
    }
    this.roles = roles;
  }
}
