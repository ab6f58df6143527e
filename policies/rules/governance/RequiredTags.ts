import { TagManager } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import type { ParadigmRule } from '../../paradigm/rule';

/** Tags every taggable resource carries (applied from the topology by the stages). */
export const REQUIRED_TAGS = ['DataClassification', 'Environment', 'Owner', 'CostCenter'] as const;

/** Returns the missing tags as findings (`Paradigm-RequiredTags[Owner]`); untaggable types are not applicable. */
export const RequiredTags: ParadigmRule = {
  name: 'RequiredTags',
  info: 'A taggable resource lacks one of the required tags DataClassification, Environment, Owner, CostCenter (finding id names the tag).',
  explanation: 'Tags say what data a resource holds, who owns it and who pays for it; access reviews, incident response and cost reports rely on them.',
  level: NagMessageLevel.ERROR,
  hipaa: ['164.308(a)(1)(ii)(A)', '164.310(d)(1)'],
  check: (node) => {
    const tags = TagManager.of(node);
    if (!tags) return NagRuleCompliance.NOT_APPLICABLE;
    const values = tags.tagValues();
    return REQUIRED_TAGS.filter((t) => !values[t]);
  },
};
