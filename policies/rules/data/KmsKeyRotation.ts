import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { templateProperties } from '../../paradigm/resolve';
import type { ParadigmRule } from '../../paradigm/rule';

export const KmsKeyRotation: ParadigmRule = {
  name: 'KmsKeyRotation',
  info: 'A symmetric encryption KMS key does not have automatic rotation enabled (EnableKeyRotation is not true).',
  explanation: 'Rotation limits how much data one key version protects; AWS KMS supports it for symmetric encryption keys only (asymmetric and HMAC keys are not applicable).',
  level: NagMessageLevel.ERROR,
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  check: (node) => {
    if (node.cfnResourceType !== 'AWS::KMS::Key') return NagRuleCompliance.NOT_APPLICABLE;
    const props = templateProperties(node);
    if (props.KeySpec !== undefined && props.KeySpec !== 'SYMMETRIC_DEFAULT') return NagRuleCompliance.NOT_APPLICABLE;
    return props.EnableKeyRotation === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
