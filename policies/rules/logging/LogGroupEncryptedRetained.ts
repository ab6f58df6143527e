import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { templateProperties } from '../../paradigm/resolve';
import type { ParadigmRule } from '../../paradigm/rule';

export const LogGroupEncryptedRetained: ParadigmRule = {
  name: 'LogGroupEncryptedRetained',
  info: 'A CloudWatch Logs log group is not encrypted with a KMS key, or keeps its events for less than the platform minimum (pack setting minimumLogRetentionDays).',
  explanation: 'Logs may contain PHI and are audit evidence: they are encrypted with a customer managed key and kept at least as long as the policy requires (no RetentionInDays means never expire, which complies).',
  level: NagMessageLevel.ERROR,
  hipaa: ['164.312(a)(2)(iv)', '164.312(b)'],
  check: (node, settings) => {
    if (node.cfnResourceType !== 'AWS::Logs::LogGroup') return NagRuleCompliance.NOT_APPLICABLE;
    const props = templateProperties(node);
    const retention = props.RetentionInDays;
    const retained = retention === undefined || (typeof retention === 'number' && retention >= settings.minimumLogRetentionDays);
    return props.KmsKeyId !== undefined && retained ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
