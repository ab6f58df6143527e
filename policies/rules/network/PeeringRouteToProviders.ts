import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ipv4Within, isAnyAddress, templateProperties } from '../../paradigm/resolve';
import type { ParadigmRule } from '../../paradigm/rule';

export const PeeringRouteToProviders: ParadigmRule = {
  name: 'PeeringRouteToProviders',
  info: 'A route through a VPC peering connection is a default route (0.0.0.0/0 or ::/0), or points outside the SaaS provider ranges of the topology.',
  explanation: 'Peering must carry only traffic for the provider VPC it connects; a default or foreign route would send other traffic, possibly PHI, to a third party.',
  level: NagMessageLevel.ERROR,
  hipaa: ['164.312(e)(1)', '164.308(b)(1)'],
  check: (node, settings) => {
    if (node.cfnResourceType !== 'AWS::EC2::Route') return NagRuleCompliance.NOT_APPLICABLE;
    const props = templateProperties(node);
    if (props.VpcPeeringConnectionId === undefined) return NagRuleCompliance.NOT_APPLICABLE;
    const v4 = props.DestinationCidrBlock;
    const v6 = props.DestinationIpv6CidrBlock;
    if (isAnyAddress(v4) || isAnyAddress(v6)) return NagRuleCompliance.NON_COMPLIANT;
    if (settings.peeringDestinations.length === 0 || v4 === undefined) return NagRuleCompliance.COMPLIANT;
    if (typeof v4 !== 'string') return NagRuleCompliance.NON_COMPLIANT;
    return settings.peeringDestinations.some((range) => ipv4Within(v4, range)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
