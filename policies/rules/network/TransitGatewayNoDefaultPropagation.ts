import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { templateProperties } from '../../paradigm/resolve';
import type { ParadigmRule } from '../../paradigm/rule';

export const TransitGatewayNoDefaultPropagation: ParadigmRule = {
  name: 'TransitGatewayNoDefaultPropagation',
  info: 'The Transit Gateway propagates routes of new attachments into its default route table (DefaultRouteTablePropagation is not "disable").',
  explanation: 'Default propagation makes every attachment reachable from every other one; routes between segments must be propagated deliberately.',
  level: NagMessageLevel.ERROR,
  hipaa: ['164.312(e)(1)'],
  check: (node) => {
    if (node.cfnResourceType !== 'AWS::EC2::TransitGateway') return NagRuleCompliance.NOT_APPLICABLE;
    return templateProperties(node).DefaultRouteTablePropagation === 'disable' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
