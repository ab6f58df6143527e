import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { templateProperties } from '../../paradigm/resolve';
import type { ParadigmRule } from '../../paradigm/rule';

/**
 * Auto-accept is refused unless the topology asks for it. "Configured" means: the stage that reads the
 * topology acknowledges `Paradigm::Paradigm-TransitGatewayNoAutoAccept` on the Transit Gateway with a reason
 * naming the setting, so every environment that accepts attachments automatically is in the compliance report.
 */
export const TransitGatewayNoAutoAccept: ParadigmRule = {
  name: 'TransitGatewayNoAutoAccept',
  info: 'The Transit Gateway accepts shared attachments automatically (AutoAcceptSharedAttachments is "enable") without an acknowledgement naming the topology setting.',
  explanation: 'Auto-accept lets any account the gateway is shared with attach a VPC without review; it is allowed only where the topology enables it, recorded as an acknowledgement.',
  level: NagMessageLevel.ERROR,
  hipaa: ['164.312(a)(1)', '164.312(e)(1)'],
  check: (node) => {
    if (node.cfnResourceType !== 'AWS::EC2::TransitGateway') return NagRuleCompliance.NOT_APPLICABLE;
    return templateProperties(node).AutoAcceptSharedAttachments === 'enable' ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
  },
};
