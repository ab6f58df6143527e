/** The network plan of one environment: VPC ranges, the Transit Gateway and optional Direct Connect. */
import { z } from 'zod';
import { logRetentionDays } from './audit';
import { bool, cidr, FIX, integer, list, pattern, privateAsn, section, vpcCidr } from './fields';

/** A BGP peer address with its prefix length, e.g. "169.254.100.1/30" (host bits set on purpose). */
const peerAddress = pattern(
  'a BGP peer address',
  /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(29|30|31)$/,
  'write the address with the prefix length of the peering subnet, e.g. "169.254.100.1/30" (a /29, /30 or /31)',
);

export const directConnectSchema = section('Direct Connect options', {
  /** Existing dedicated or hosted connection that carries the transit virtual interface. */
  connectionId: pattern('a Direct Connect connection id', /^dxcon-[a-z0-9]{8}$/, 'copy the id from the Direct Connect console, e.g. "dxcon-fgabc123"'),
  /** Amazon-side ASN of the Direct Connect gateway. */
  gatewayAsn: privateAsn,
  /** 802.1Q VLAN of the transit virtual interface. */
  vlan: integer('a VLAN id', 1, 4094),
  /** BGP ASN of the on-premise router. */
  customerAsn: integer('a BGP ASN', 1, 4294967294, 'use the ASN of your on-premise router'),
  /** Prefixes the DX gateway advertises to on-premise (allowed prefixes of the TGW association). */
  allowedPrefixes: list(cidr, 'CIDR blocks')
    .min(1, { error: `is empty.${FIX}list at least one prefix to advertise to on-premise, usually the environment's VPC ranges.` })
    .max(20, { error: `lists more than 20 prefixes, the most a Transit Gateway association accepts.${FIX}summarize the VPC ranges into fewer, larger prefixes.` }),
  /** BGP peer address on the Amazon side of the transit virtual interface, e.g. "169.254.100.1/30". */
  amazonAddress: peerAddress,
  /** BGP peer address on the on-premise router, in the same /30 or /29 as amazonAddress. */
  customerAddress: peerAddress,
  /** MTU of the transit virtual interface (jumbo frames are supported on transit VIFs). */
  mtu: z.union([z.literal(1500), z.literal(8500)], { error: `is not an MTU a transit virtual interface accepts.${FIX}use 1500 or 8500.` }).default(8500),
});

export const networkSchema = section('the network plan', {
  /** CIDR of the workload ("Customer") VPC. */
  workloadVpcCidr: vpcCidr,
  /** CIDR of the SaaS bridge VPC. */
  saasBridgeVpcCidr: vpcCidr,
  transitGateway: section('Transit Gateway options', {
    amazonSideAsn: privateAsn,
    /**
     * Accept attachments from the spoke accounts automatically. Must stay true: spokes place their own
     * attachment in its segment during their deploy (see docs/accounts/network-hub.md).
     */
    autoAcceptSharedAttachments: bool('autoAcceptSharedAttachments').default(true),
  }),
  /** Which segments may reach which (see docs/accounts/network-hub.md). */
  segmentation: section('segmentation options', {
    /** Let the SaaS bridge VPC and on-premise reach each other; off by default (routes are blackholed). */
    saasBridgeToOnPremise: bool('segmentation.saasBridgeToOnPremise').default(false),
  }).prefault({}),
  /** Retention of the Transit Gateway flow log group, in days. */
  flowLogRetentionDays: logRetentionDays.default(365),
  /** Direct Connect to on-premise for this environment; omit for none. */
  directConnect: directConnectSchema.optional(),
});

export type NetworkPlan = z.infer<typeof networkSchema>;
export type DirectConnectOptions = z.infer<typeof directConnectSchema>;
