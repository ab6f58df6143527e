import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { templateProperties } from '../../paradigm/resolve';
import type { ParadigmRule } from '../../paradigm/rule';

export const TransitGatewayNoDefaultAssociation: ParadigmRule = {
  name: 'TransitGatewayNoDefaultAssociation',
  info: 'The Transit Gateway associates new attachments with its default route table (DefaultRouteTableAssociation is not "disable").',
  explanation: 'With default association every new attachment lands in one shared routing domain; segments (workload, SaaS bridge, on-premise) must be chosen explicitly per attachment.',
  level: NagMessageLevel.ERROR,
  hipaa: ['164.312(e)(1)'],
  check: (node) => {
    if (node.cfnResourceType !== 'AWS::EC2::TransitGateway') return NagRuleCompliance.NOT_APPLICABLE;
    return templateProperties(node).DefaultRouteTableAssociation === 'disable' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
