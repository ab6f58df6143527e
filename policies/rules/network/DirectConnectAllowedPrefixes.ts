import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { prefixLength, templateProperties } from '../../paradigm/resolve';
import type { ParadigmRule } from '../../paradigm/rule';

/** Broadest prefix a Direct Connect gateway association may advertise. */
const BROADEST_PREFIX = 8;

export const DirectConnectAllowedPrefixes: ParadigmRule = {
  name: 'DirectConnectAllowedPrefixes',
  info: 'The Direct Connect gateway association has no AllowedPrefixesToDirectConnectGateway, or one of them is not a literal CIDR, is a default route, or is broader than /8.',
  explanation: 'Allowed prefixes are what the AWS side advertises to the data centre; without them, or with a default route, on-premise could reach every attached VPC range.',
  level: NagMessageLevel.ERROR,
  hipaa: ['164.312(e)(1)'],
  check: (node) => {
    if (node.cfnResourceType !== 'AWS::DirectConnect::DirectConnectGatewayAssociation') return NagRuleCompliance.NOT_APPLICABLE;
    const prefixes = templateProperties(node).AllowedPrefixesToDirectConnectGateway;
    if (!Array.isArray(prefixes) || prefixes.length === 0) return NagRuleCompliance.NON_COMPLIANT;
    return prefixes.every((p) => (prefixLength(p) ?? -1) >= BROADEST_PREFIX) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
