/** The network plan of one environment: VPC ranges, the Transit Gateway and optional Direct Connect. */
import { z } from 'zod';
import { bool, cidr, FIX, integer, list, pattern, privateAsn, section, vpcCidr } from './fields';

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
  allowedPrefixes: list(cidr, 'CIDR blocks').min(1, { error: `is empty.${FIX}list at least one prefix to advertise to on-premise, usually the environment's VPC ranges.` }),
});

export const networkSchema = section('the network plan', {
  /** CIDR of the workload ("Customer") VPC. */
  workloadVpcCidr: vpcCidr,
  /** CIDR of the SaaS bridge VPC. */
  saasBridgeVpcCidr: vpcCidr,
  transitGateway: section('Transit Gateway options', {
    amazonSideAsn: privateAsn,
    /** Accept attachments from the spoke accounts automatically. */
    autoAcceptSharedAttachments: bool('autoAcceptSharedAttachments').default(false),
  }),
  /** Direct Connect to on-premise for this environment; omit for none. */
  directConnect: directConnectSchema.optional(),
});

export type NetworkPlan = z.infer<typeof networkSchema>;
export type DirectConnectOptions = z.infer<typeof directConnectSchema>;
