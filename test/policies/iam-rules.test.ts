import * as iam from 'aws-cdk-lib/aws-iam';
import { NagRuleCompliance } from 'cdk-nag';
import { CrossAccountTrustCondition, OidcTrustPinned } from '../../policies';
import { evaluate, OTHER_ACCOUNT, OWN_ACCOUNT, testStack } from '../support/policy-stack';

const { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE } = NagRuleCompliance;

function role(principal: iam.IPrincipal): iam.CfnRole {
  const stack = testStack();
  return new iam.Role(stack, 'Role', { assumedBy: principal }).node.defaultChild as iam.CfnRole;
}

describe('CrossAccountTrustCondition', () => {
  test('Compliance: a third party with sts:ExternalId', () => {
    expect(evaluate(CrossAccountTrustCondition, role(new iam.AccountPrincipal(OTHER_ACCOUNT).withConditions({ StringEquals: { 'sts:ExternalId': 'paradigm-42' } })))).toBe(COMPLIANT);
  });
  test('Compliance: an account of our organization with aws:PrincipalOrgID', () => {
    const principal = new iam.ArnPrincipal(`arn:aws:iam::${OTHER_ACCOUNT}:role/deployer`).withConditions({ StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } });
    expect(evaluate(CrossAccountTrustCondition, role(principal))).toBe(COMPLIANT);
  });
  test('not applicable: the stack\'s own account and services', () => {
    expect(evaluate(CrossAccountTrustCondition, role(new iam.AccountPrincipal(OWN_ACCOUNT)))).toBe(NOT_APPLICABLE);
    expect(evaluate(CrossAccountTrustCondition, role(new iam.ServicePrincipal('lambda.amazonaws.com')))).toBe(NOT_APPLICABLE);
  });
  test('Noncompliance 1: another account without a condition', () => {
    expect(evaluate(CrossAccountTrustCondition, role(new iam.AccountPrincipal(OTHER_ACCOUNT)))).toBe(NON_COMPLIANT);
  });
  test('Noncompliance 2: ExternalId under StringLike with a wildcard', () => {
    expect(evaluate(CrossAccountTrustCondition, role(new iam.AccountPrincipal(OTHER_ACCOUNT).withConditions({ StringLike: { 'sts:ExternalId': '*' } })))).toBe(NON_COMPLIANT);
  });
  test('Noncompliance 3: any AWS principal (*)', () => {
    expect(evaluate(CrossAccountTrustCondition, role(new iam.AnyPrincipal()))).toBe(NON_COMPLIANT);
  });
  test('Noncompliance 4: a role ARN of another account among own principals', () => {
    const principal = new iam.CompositePrincipal(new iam.AccountPrincipal(OWN_ACCOUNT), new iam.ArnPrincipal(`arn:aws:iam::${OTHER_ACCOUNT}:role/x`));
    expect(evaluate(CrossAccountTrustCondition, role(principal))).toBe(NON_COMPLIANT);
  });
});

describe('OidcTrustPinned', () => {
  const host = 'token.actions.githubusercontent.com';
  const provider = `arn:aws:iam::${OWN_ACCOUNT}:oidc-provider/${host}`;
  const web = (conditions: Record<string, unknown>) => role(new iam.WebIdentityPrincipal(provider, conditions));
  test('Compliance: StringEquals on aud and an exact sub', () => {
    expect(evaluate(OidcTrustPinned, web({ StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com', [`${host}:sub`]: 'repo:acme/platform:environment:prod' } }))).toBe(COMPLIANT);
  });
  test('not applicable to roles without web identity', () => {
    expect(evaluate(OidcTrustPinned, role(new iam.ServicePrincipal('ec2.amazonaws.com')))).toBe(NOT_APPLICABLE);
  });
  test('Noncompliance 1: no audience', () => {
    expect(evaluate(OidcTrustPinned, web({ StringEquals: { [`${host}:sub`]: 'repo:acme/platform:environment:prod' } }))).toBe(NON_COMPLIANT);
  });
  test('Noncompliance 2: sub under StringLike', () => {
    expect(evaluate(OidcTrustPinned, web({ StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${host}:sub`]: 'repo:acme/platform:*' } }))).toBe(NON_COMPLIANT);
  });
  test('Noncompliance 3: a wildcard in a StringEquals sub', () => {
    expect(evaluate(OidcTrustPinned, web({ StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com', [`${host}:sub`]: 'repo:acme/*' } }))).toBe(NON_COMPLIANT);
  });
  test('Noncompliance 4: no condition at all', () => {
    expect(evaluate(OidcTrustPinned, web({}))).toBe(NON_COMPLIANT);
  });
});
