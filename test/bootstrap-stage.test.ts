import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { bootstrapStackName, CFN_EXECUTION_POLICY_NAME, loadTopology } from '../accounts';
import { createPlatformApp } from '../stages';
import { exampleIndex } from './support/example';
import { exampleInput, validTopology } from './support/topology';

function bootstrapTemplate(raw: unknown, env: string) {
  const root = mkdtempSync(join(tmpdir(), 'paradigm-bootstrap-'));
  mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
  try {
    const platform = createPlatformApp({
      topology: validTopology(raw),
      outdir: join(root, 'cdk.out'),
      workflowPath: join(root, '.github', 'workflows', 'deploy.yml'),
      cloudFormationValidation: false,
      nagPacks: false,
    });
    const e = platform.environments.find((x) => x.name === env)!;
    return Template.fromStack(e.bootstrap.workload.stack);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const template = bootstrapTemplate(exampleInput(), 'prod');
const roleTrust = (roleName: string) => {
  const roles = template.findResources('AWS::IAM::Role', { Properties: { RoleName: roleName } });
  return Object.values(roles)[0].Properties.AssumeRolePolicyDocument.Statement;
};

describe('CDK deploy role grants (spokes)', () => {
  test('let the spoke\'s CDK deploy role read the hub\'s shared parameters, and nothing else', () => {
    const root = mkdtempSync(join(tmpdir(), 'paradigm-grants-'));
    mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
    try {
      const platform = createPlatformApp({
        topology: validTopology(exampleInput()),
        outdir: join(root, 'cdk.out'),
        workflowPath: join(root, '.github', 'workflows', 'deploy.yml'),
        cloudFormationValidation: false,
        nagPacks: false,
      });
      const prod = platform.environments.find((x) => x.name === 'prod')!;
      expect(prod.bootstrap.audit.grantsStack).toBeUndefined();
      expect(prod.bootstrap.networkHub.grantsStack).toBeUndefined();
      Template.fromStack(prod.bootstrap.saasBridge.grantsStack!).hasResourceProperties('AWS::IAM::ManagedPolicy', {
        Roles: ['cdk-hnb659fds-deploy-role-333333333304-us-east-1'],
        PolicyDocument: {
          Statement: [{
            Action: ['ssm:GetParameter', 'ssm:GetParameters'],
            Effect: 'Allow',
            Resource: 'arn:aws:ssm:us-east-1:333333333302:parameter/paradigm/prod/network-hub/*',
          }],
        },
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('GitHub access stack (bootstrap)', () => {
  test('creates the GitHub OIDC provider natively, for the STS audience', () => {
    template.hasResourceProperties('AWS::IAM::OIDCProvider', { Url: 'https://token.actions.githubusercontent.com', ClientIdList: ['sts.amazonaws.com'] });
    template.resourceCountIs('AWS::Lambda::Function', 0);
  });

  test('the deploy role trusts exactly the repository and the environment, with the STS audience', () => {
    expect(roleTrust('paradigm-github-deploy')).toEqual([{
      Action: 'sts:AssumeRoleWithWebIdentity',
      Effect: 'Allow',
      Principal: { Federated: Match.anyValue() },
      Condition: {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': 'repo:paradigm-clinical/paradigm-platform:environment:prod',
        },
      },
    }].map((s) => ({ ...s, Principal: expect.anything() })));
  });

  test('the deploy role may only assume this account\'s CDK bootstrap roles', () => {
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [{
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Effect: 'Allow',
          Resource: ['deploy', 'file-publishing', 'image-publishing', 'lookup'].map((r) => `arn:aws:iam::333333333303:role/cdk-hnb659fds-${r}-role-333333333303-us-east-1`),
        }],
      },
    });
  });

  test('the drift role trusts the default branch and reads configuration only', () => {
    expect(roleTrust('paradigm-github-drift')[0].Condition.StringEquals['token.actions.githubusercontent.com:sub'])
      .toBe('repo:paradigm-clinical/paradigm-platform:ref:refs/heads/main');
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'paradigm-github-drift',
      ManagedPolicyArns: Match.arrayWith([{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/SecurityAudit']] }]),
    });
  });

  test('the CloudFormation execution policy is not AdministratorAccess and can never touch the GitHub access', () => {
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      ManagedPolicyName: CFN_EXECUTION_POLICY_NAME,
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'OwnIamResourcesOnly', Resource: Match.arrayWith(['arn:aws:iam::333333333303:role/paradigm-*']) }),
          Match.objectLike({ Sid: 'NeverTheGitHubAccess', Effect: 'Deny', Action: 'iam:*', Resource: Match.arrayWith(['arn:aws:iam::333333333303:role/paradigm-github-deploy']) }),
        ]),
      },
    });
    // Only the permissions boundary allows '*': a boundary limits, it never grants.
    const granting = Object.values(template.findResources('AWS::IAM::ManagedPolicy'))
      .filter((p) => p.Properties.ManagedPolicyName !== 'paradigm-permissions-boundary')
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(granting.filter((s) => s.Action === '*' || (Array.isArray(s.Action) && s.Action.includes('*')))).toEqual([]);
  });

  test('the execution policy covers every service and IAM name the platform deploys, and no broad managed policy', () => {
    const policy = Object.values(template.findResources('AWS::IAM::ManagedPolicy', { Properties: { ManagedPolicyName: CFN_EXECUTION_POLICY_NAME } }))[0];
    const statements = policy.Properties.PolicyDocument.Statement;
    const services = statements.find((s: any) => s.Sid === 'PlatformServices').Action;
    for (const service of ['backup', 'backup-storage', 'cloudtrail', 'config', 'directconnect', 'eks', 'rds', 'redshift', 'ram', 'ssm']) {
      expect(services).toContain(`${service}:*`);
    }
    expect(statements.find((s: any) => s.Sid === 'OwnIamResourcesOnly').Resource).toContain('arn:aws:iam::333333333303:role/saas-*');
    expect(statements.find((s: any) => s.Sid === 'NoBroadManagedPolicies')).toMatchObject({
      Effect: 'Deny',
      Condition: { ArnLike: { 'iam:PolicyARN': expect.arrayContaining(['arn:aws:iam::aws:policy/AdministratorAccess']) } },
    });
  });

  test('roles the templates create must carry the permissions boundary, which protects the GitHub access', () => {
    const exec = Object.values(template.findResources('AWS::IAM::ManagedPolicy', { Properties: { ManagedPolicyName: CFN_EXECUTION_POLICY_NAME } }))[0];
    const boundaryArn = 'arn:aws:iam::333333333303:policy/paradigm-permissions-boundary';
    expect(exec.Properties.PolicyDocument.Statement).toEqual(expect.arrayContaining([
      expect.objectContaining({ Sid: 'RolesOnlyWithTheBoundary', Effect: 'Deny', Action: ['iam:CreateRole', 'iam:PutRolePermissionsBoundary'], Condition: { StringNotEquals: { 'iam:PermissionsBoundary': boundaryArn } } }),
      expect.objectContaining({ Sid: 'NeverLiftTheBoundary', Effect: 'Deny', Action: 'iam:DeleteRolePermissionsBoundary' }),
    ]));
    const boundary = Object.values(template.findResources('AWS::IAM::ManagedPolicy', { Properties: { ManagedPolicyName: 'paradigm-permissions-boundary' } }))[0];
    expect(boundary.Properties.PolicyDocument.Statement).toEqual(expect.arrayContaining([
      expect.objectContaining({ Sid: 'NeverTheGitHubAccess', Effect: 'Deny', Resource: expect.arrayContaining([boundaryArn, 'arn:aws:iam::333333333303:role/paradigm-github-deploy']) }),
    ]));
  });

  test('references an existing GitHub OIDC provider when the topology says the accounts have one', () => {
    const raw = exampleInput();
    raw.oidc.createProvider = false;
    const t = bootstrapTemplate(raw, 'dev');
    t.resourceCountIs('AWS::IAM::OIDCProvider', 0);
    expect(JSON.stringify(t.findResources('AWS::IAM::Role'))).toContain('oidc-provider/token.actions.githubusercontent.com');
  });

  test('uses immutable OIDC subjects when the topology names the ids', () => {
    const raw = exampleInput();
    raw.github.immutableSubject = { ownerId: 1234, repositoryId: 5678 };
    const t = bootstrapTemplate(raw, 'dev');
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'paradigm-github-deploy',
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({
          Condition: {
            StringEquals: Match.objectLike({
              'token.actions.githubusercontent.com:sub': 'repo:paradigm-clinical@1234/paradigm-platform@5678:environment:dev',
            }),
          },
        })],
      },
    });
  });

  test('needs no CDK bootstrap (no bootstrap version check), and passes every validator', () => {
    expect(template.toJSON().Rules?.CheckBootstrapVersion).toBeUndefined();
    const stacks = exampleIndex().environments.flatMap((e) => e.stages.flatMap((s) => s.stacks));
    expect(stacks).toContain(bootstrapStackName('prod', 'workload'));
    expect(exampleIndex().results.findings.filter((f) => f.constructPath.includes('-bootstrap/'))).toEqual([]);
  });

  test('the example topology names the operator role used to bootstrap', () => {
    expect(loadTopology({ example: true }).oidc.bootstrapAdminRoleName).toBe('OrganizationAccountAccessRole');
  });
});
