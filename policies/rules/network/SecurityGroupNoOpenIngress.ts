import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { asList, isAnyAddress, templateProperties } from '../../paradigm/resolve';
import type { ParadigmRule } from '../../paradigm/rule';

interface Ingress {
  readonly CidrIp?: unknown;
  readonly CidrIpv6?: unknown;
}

const open = (rule: Ingress) => isAnyAddress(rule.CidrIp) || isAnyAddress(rule.CidrIpv6);

export const SecurityGroupNoOpenIngress: ParadigmRule = {
  name: 'SecurityGroupNoOpenIngress',
  info: 'A security group allows ingress from 0.0.0.0/0 or ::/0 (inline SecurityGroupIngress or an AWS::EC2::SecurityGroupIngress).',
  explanation: 'Nothing in the platform is reachable from the internet; ingress is granted to named ranges or security groups only, on any port.',
  level: NagMessageLevel.ERROR,
  hipaa: ['164.312(a)(1)', '164.312(e)(1)'],
  check: (node) => {
    if (node.cfnResourceType === 'AWS::EC2::SecurityGroup') {
      const rules = asList(templateProperties(node).SecurityGroupIngress as Ingress[] | undefined);
      return rules.some(open) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
    }
    if (node.cfnResourceType === 'AWS::EC2::SecurityGroupIngress') {
      return open(templateProperties(node) as Ingress) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
    }
    return NagRuleCompliance.NOT_APPLICABLE;
  },
};
