import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { SEGMENT_SLUG, SEGMENTS, type Segment } from '../common/platform-names';

export interface SegmentRouteTablesProps {
  /** Name of the environment, used in resource names. */
  readonly environmentName: string;
  /** The Transit Gateway that owns the route tables. */
  readonly transitGatewayId: string;
  /** Corporate on-premise ranges. */
  readonly onPremiseCidrs: readonly string[];
  /** Range of the SaaS bridge VPC. */
  readonly saasBridgeCidr: string;
  /**
   * Ranges of the SaaS providers' VPCs (reached from the bridge VPC by peering, which is not transitive).
   * @default - none
   */
  readonly saasProviderCidrs?: readonly string[];
  /**
   * Let the SaaS bridge and on-premise reach each other.
   * @default false
   */
  readonly saasBridgeToOnPremise?: boolean;
}

/**
 * One Transit Gateway route table per segment (workload, SaaS bridge, on-premise) with the blackhole
 * routes segmentation needs. Static blackholes win over propagated routes of the same prefix, so a
 * propagation enabled by mistake still cannot open a forbidden path:
 * - SaaS bridge table: on-premise ranges (unless the topology allows SaaS bridge ↔ on-premise);
 * - on-premise table: the SaaS bridge VPC (same condition) and the SaaS provider VPCs;
 * - workload table: the SaaS provider VPCs (peering is not transitive, so traffic would die in the bridge VPC).
 */
export class SegmentRouteTables extends Construct {
  public readonly tables: Readonly<Record<Segment, ec2.CfnTransitGatewayRouteTable>>;
  /** Blackholed destinations per segment. */
  public readonly blackholes: Readonly<Record<Segment, readonly string[]>>;

  constructor(scope: Construct, id: string, props: SegmentRouteTablesProps) {
    super(scope, id);
    const providers = props.saasProviderCidrs ?? [];
    const apart = !(props.saasBridgeToOnPremise ?? false);
    this.blackholes = {
      workload: [...providers],
      saasBridge: apart ? [...props.onPremiseCidrs] : [],
      onPremise: [...(apart ? [props.saasBridgeCidr] : []), ...providers],
    };
    const tables = {} as Record<Segment, ec2.CfnTransitGatewayRouteTable>;
    for (const segment of SEGMENTS) {
      const slug = SEGMENT_SLUG[segment];
      const table = new ec2.CfnTransitGatewayRouteTable(this, `${pascal(slug)}Table`, { transitGatewayId: props.transitGatewayId });
      Tags.of(table).add('Name', `paradigm-${props.environmentName}-${slug}`);
      Tags.of(table).add('paradigm:segment', slug);
      this.blackholes[segment].forEach((cidr, i) => {
        new ec2.CfnTransitGatewayRoute(this, `${pascal(slug)}Blackhole${i}`, {
          transitGatewayRouteTableId: table.ref,
          destinationCidrBlock: cidr,
          blackhole: true,
        });
      });
      tables[segment] = table;
    }
    this.tables = tables;
  }
}

function pascal(slug: string): string {
  return slug.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}
