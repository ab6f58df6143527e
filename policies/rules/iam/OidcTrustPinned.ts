import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { asList, statements, templateProperties, type PolicyStatement } from '../../paradigm/resolve';
import type { ParadigmRule } from '../../paradigm/rule';

const WILDCARD = /[*?]/;

function keysEndingWith(statement: PolicyStatement, operatorPattern: RegExp, suffix: string): unknown[][] {
  return Object.entries(statement.Condition ?? {})
    .filter(([op]) => operatorPattern.test(op))
    .flatMap(([, block]) => Object.entries(block).filter(([k]) => k.toLowerCase().endsWith(suffix)).map(([, v]) => asList(v as unknown)));
}

function pinned(statement: PolicyStatement): boolean {
  const audiences = keysEndingWith(statement, /^StringEquals$/i, ':aud').flat();
  const subjects = keysEndingWith(statement, /^StringEquals$/i, ':sub').flat();
  const looseSubjects = keysEndingWith(statement, /StringLike|StringNotEquals|StringNotLike/i, ':sub').flat();
  return audiences.length > 0 && audiences.every((a) => typeof a === 'string' && a !== '')
    && subjects.length > 0 && subjects.every((s) => typeof s === 'string' && s !== '' && !WILDCARD.test(s))
    && looseSubjects.length === 0;
}

export const OidcTrustPinned: ParadigmRule = {
  name: 'OidcTrustPinned',
  info: 'A role trusts an OIDC provider (sts:AssumeRoleWithWebIdentity) without StringEquals on both the audience (:aud) and an exact subject (:sub, no wildcards, no StringLike).',
  explanation: 'GitHub and Kubernetes tokens are issued to many repositories and service accounts; only an exact subject ties the role to this repository and environment, or to one service account.',
  level: NagMessageLevel.ERROR,
  hipaa: ['164.312(d)', '164.312(a)(1)'],
  check: (node) => {
    if (node.cfnResourceType !== 'AWS::IAM::Role') return NagRuleCompliance.NOT_APPLICABLE;
    const federated = statements(templateProperties(node).AssumeRolePolicyDocument).filter((s) =>
      s.Effect === 'Allow' && asList(s.Action).some((a) => typeof a === 'string' && a.toLowerCase() === 'sts:assumerolewithwebidentity'));
    if (federated.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
    return federated.every(pinned) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
