import { Stack, Token } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { asList, conditionValues, flatten, statements, templateProperties, type PolicyStatement } from '../../paradigm/resolve';
import type { ParadigmRule } from '../../paradigm/rule';

const ACCOUNT_OF_ARN = /^arn:(?:\$\{[^}]+\}|[^:]+):(?:iam|sts)::(\$\{[^}]+\}|[^:]+):/;

/** The account an AWS principal belongs to: an account id, `${AWS::AccountId}`, `*`, or undefined when unknown. */
function principalAccount(principal: unknown): string | undefined {
  const text = flatten(principal);
  if (text === undefined) return undefined;
  if (text === '*' || /^\d{12}$/.test(text)) return text;
  return ACCOUNT_OF_ARN.exec(text)?.[1];
}

function isForeign(account: string | undefined, own: string): boolean {
  if (account === undefined || account === '${AWS::AccountId}') return false;
  return Token.isUnresolved(own) ? true : account !== own;
}

function hasGuard(statement: PolicyStatement): boolean {
  const filled = (values: unknown[] | undefined) => values !== undefined && values.length > 0 && values.every((v) => v !== '' && v !== '*');
  return filled(conditionValues(statement, 'StringEquals', 'sts:ExternalId')) || filled(conditionValues(statement, 'StringEquals', 'aws:PrincipalOrgID'));
}

export const CrossAccountTrustCondition: ParadigmRule = {
  name: 'CrossAccountTrustCondition',
  info: 'A role trusts an AWS principal of another account without StringEquals on sts:ExternalId (third parties) or aws:PrincipalOrgID (our organization).',
  explanation: 'A cross-account trust without ExternalId is open to the confused-deputy problem; one without an organization condition trusts whatever the other account becomes.',
  level: NagMessageLevel.ERROR,
  hipaa: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)', '164.308(b)(1)'],
  check: (node) => {
    if (node.cfnResourceType !== 'AWS::IAM::Role') return NagRuleCompliance.NOT_APPLICABLE;
    const own = Stack.of(node).account;
    const crossAccount = statements(templateProperties(node).AssumeRolePolicyDocument).filter((s) => {
      if (s.Effect !== 'Allow') return false;
      const principals = s.Principal === '*' ? ['*'] : asList((s.Principal as Record<string, unknown> | undefined)?.AWS as unknown);
      return principals.some((p) => isForeign(principalAccount(p), own));
    });
    if (crossAccount.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
    return crossAccount.every(hasGuard) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
