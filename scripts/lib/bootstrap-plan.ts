/** The bootstrap plan: per account, what `scripts/bootstrap.ts --execute` runs, in order. */
import {
  ACCOUNT_ROLES, bootstrapStageId, CFN_EXECUTION_POLICY_NAME, roleArn, ROLE_INFO, bootstrapStackName,
  type AccountRole, type Topology,
} from '../../accounts';
import { DEPLOY_ROLE_GRANTS_STACK_ID } from '../../stages/bootstrap';

export interface PlannedCommand {
  readonly command: string;
  readonly args: readonly string[];
}

export interface AccountBootstrap {
  readonly environment: string;
  readonly role: AccountRole;
  readonly account: string;
  readonly region: string;
  /** Role the operator assumes in the account. */
  readonly adminRoleArn: string;
  /** Stack with the account's GitHub OIDC provider, roles and CloudFormation execution policy. */
  readonly stackName: string;
  readonly commands: readonly PlannedCommand[];
}

export interface BootstrapPlan {
  /** Run once before the accounts: synthesize the app into `assemblyDir`. */
  readonly synth: PlannedCommand;
  readonly accounts: readonly AccountBootstrap[];
}

export function bootstrapPlan(topology: Topology, options: { topologyFile?: string; assemblyDir?: string } = {}): BootstrapPlan {
  const assemblyDir = options.assemblyDir ?? 'cdk.out';
  const context = options.topologyFile ? ['-c', `topology=${options.topologyFile}`] : [];
  return {
    synth: { command: 'npx', args: ['cdk', 'synth', '--quiet', '--output', assemblyDir, ...context] },
    accounts: topology.environments.flatMap((env) => ACCOUNT_ROLES.map((role): AccountBootstrap => {
      const { accountId, region } = env.accounts[role];
      return {
        environment: env.name,
        role,
        account: accountId,
        region,
        adminRoleArn: roleArn(accountId, topology.oidc.bootstrapAdminRoleName),
        stackName: bootstrapStackName(env.name, role),
        commands: [
          {
            command: 'npx',
            args: ['cdk', 'deploy', '--app', assemblyDir, `${bootstrapStageId(env.name, role)}/GitHubAccess`, '--require-approval', 'never', '--exclusively'],
          },
          {
            command: 'npx',
            args: [
              'cdk', 'bootstrap', `aws://${accountId}/${region}`,
              '--cloudformation-execution-policies', `arn:aws:iam::${accountId}:policy/${CFN_EXECUTION_POLICY_NAME}`,
              '--termination-protection',
            ],
          },
          // Spokes: what their CDK deploy role needs beyond the bootstrap template (needs the role: after bootstrap).
          ...(role === 'workload' || role === 'saasBridge'
            ? [{ command: 'npx', args: ['cdk', 'deploy', '--app', assemblyDir, `${bootstrapStageId(env.name, role)}/${DEPLOY_ROLE_GRANTS_STACK_ID}`, '--require-approval', 'never', '--exclusively'] }]
            : []),
        ],
      };
    })),
  };
}

export function renderCommand(c: PlannedCommand): string {
  return [c.command, ...c.args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`))].join(' ');
}

export function renderPlan(plan: BootstrapPlan): string {
  const lines = ['Bootstrap plan (nothing runs without --execute):', '', `0. ${renderCommand(plan.synth)}`, ''];
  plan.accounts.forEach((a, i) => {
    lines.push(`${i + 1}. ${a.environment} / ${ROLE_INFO[a.role].title}: account ${a.account}, ${a.region}`);
    lines.push(`   assume ${a.adminRoleArn}`);
    lines.push(`   stack  ${a.stackName}`);
    for (const c of a.commands) lines.push(`   $ ${renderCommand(c)}`);
    lines.push('');
  });
  return lines.join('\n');
}
