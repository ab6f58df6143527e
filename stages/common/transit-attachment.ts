import { Stack, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { HubValues } from './hub-values';
import { enrolmentRoleArn, propagationTargets, SEGMENT_SLUG, type Segment, type SpokeSegment } from './platform-names';
import { SdkCalls } from './sdk-calls';
import type { EnvironmentConfig } from '../../accounts';

export interface TransitAttachmentProps {
  /** The environment whose network hub the VPC joins. */
  readonly environment: EnvironmentConfig;
  /** The segment of this spoke (`workload` or `saasBridge`); decides association and propagations. */
  readonly segment: SpokeSegment;
  /** The spoke VPC. */
  readonly vpc: ec2.IVpc;
  /** Subnets of the attachment, one per Availability Zone (usually a small dedicated "transit" group). */
  readonly attachmentSubnets: ec2.SubnetSelection;
  /**
   * Subnets whose route tables get a route to the Transit Gateway for every destination.
   * @default - every private and isolated subnet of the VPC
   */
  readonly routedSubnets?: ec2.SubnetSelection;
  /** Destination ranges routed to the Transit Gateway (e.g. on-premise ranges and the other spoke's VPC). */
  readonly destinationCidrs: readonly string[];
}

/**
 * Joins a spoke VPC to the environment's Transit Gateway: the VPC attachment in the given subnets,
 * routes to the Transit Gateway for the given destinations, and the attachment's place in its segment:
 * association with the segment's route table and propagation into the route tables the segmentation
 * table allows. Associations must be made in the Transit Gateway owner account, so the spoke makes
 * them through the hub's enrolment role for its segment (whose policy names exactly those route tables).
 */
export class TransitAttachment extends Construct {
  public readonly attachment: ec2.CfnTransitGatewayVpcAttachment;
  public readonly hub: HubValues;
  public readonly routes: readonly ec2.CfnRoute[];

  constructor(scope: Construct, id: string, props: TransitAttachmentProps) {
    super(scope, id);
    const env = props.environment;
    this.hub = HubValues.import(this, env);
    const subnetIds = props.vpc.selectSubnets(props.attachmentSubnets).subnetIds;
    this.attachment = new ec2.CfnTransitGatewayVpcAttachment(this, 'Attachment', {
      transitGatewayId: this.hub.transitGatewayId,
      vpcId: props.vpc.vpcId,
      subnetIds,
      options: { DnsSupport: 'enable', Ipv6Support: 'disable', ApplianceModeSupport: 'disable' },
    });
    Tags.of(this.attachment).add('Name', `paradigm-${env.name}-${SEGMENT_SLUG[props.segment]}`);
    Tags.of(this.attachment).add('paradigm:segment', SEGMENT_SLUG[props.segment]);

    const routed = props.vpc.selectSubnets(props.routedSubnets ?? { subnets: [...props.vpc.privateSubnets, ...props.vpc.isolatedSubnets] });
    const routes: ec2.CfnRoute[] = [];
    routed.subnets.forEach((subnet, s) => {
      props.destinationCidrs.forEach((cidr, d) => {
        const route = new ec2.CfnRoute(this, `Route${s}To${d}`, {
          routeTableId: subnet.routeTable.routeTableId,
          destinationCidrBlock: cidr,
          transitGatewayId: this.hub.transitGatewayId,
        });
        route.node.addDependency(this.attachment);
        routes.push(route);
      });
    });
    this.routes = routes;

    const roleArn = enrolmentRoleArn(env, props.segment, Stack.of(this).partition);
    const sdk = SdkCalls.of(this);
    sdk.allow(new iam.PolicyStatement({ sid: `AssumeEnrolmentRole${props.segment}`, actions: ['sts:AssumeRole'], resources: [roleArn] }));
    // Calls are idempotent: a repeated create or update ignores "already done", a delete ignores "not found".
    const enrol = (cid: string, table: Segment, action: { create: string; remove: string; done: string; gone: string }) => {
      const parameters = { TransitGatewayRouteTableId: this.hub.routeTableId(table), TransitGatewayAttachmentId: this.attachment.ref };
      const call = (name: string, ignore: string): cr.AwsSdkCall => ({
        service: 'EC2',
        action: name,
        parameters,
        assumedRoleArn: roleArn,
        physicalResourceId: cr.PhysicalResourceId.of(`${this.attachment.ref}/${this.hub.routeTableId(table)}`),
        ignoreErrorCodesMatching: ignore,
      });
      const create = call(action.create, action.done);
      const resource = sdk.call(this, cid, { onCreate: create, onUpdate: create, onDelete: call(action.remove, action.gone) });
      resource.node.addDependency(this.attachment);
      return resource;
    };
    enrol('Association', props.segment, {
      create: 'associateTransitGatewayRouteTable',
      remove: 'disassociateTransitGatewayRouteTable',
      done: 'Resource.AlreadyAssociated',
      gone: 'InvalidAssociation.NotFound|InvalidTransitGatewayAttachmentID.NotFound',
    });
    for (const target of propagationTargets(props.segment, env.network.segmentation.saasBridgeToOnPremise)) {
      enrol(`PropagationInto${target[0].toUpperCase()}${target.slice(1)}`, target, {
        create: 'enableTransitGatewayRouteTablePropagation',
        remove: 'disableTransitGatewayRouteTablePropagation',
        done: 'TransitGatewayRouteTablePropagation.Duplicate',
        gone: 'InvalidRouteTableID.NotFound|InvalidTransitGatewayAttachmentID.NotFound|TransitGatewayRouteTablePropagation.NotFound',
      });
    }
  }
}
