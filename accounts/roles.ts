/**
 * The one place that names account roles, stages, stacks and GitHub environments.
 * Stages, the pipeline, tests, scripts and the docs all derive their names from here.
 */

/** The four account roles of every environment, in deploy order. */
export const ACCOUNT_ROLES = ['audit', 'networkHub', 'workload', 'saasBridge'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export interface AccountRoleInfo {
  /** kebab-case slug used in stage ids, stack names and folders (`stages/<slug>/`). */
  readonly slug: string;
  /** Human title used in summaries and docs. */
  readonly title: string;
  /** Roles of the same environment that must be deployed before this one. */
  readonly dependsOn: readonly AccountRole[];
}

export const ROLE_INFO: Readonly<Record<AccountRole, AccountRoleInfo>> = {
  audit: { slug: 'audit', title: 'Audit', dependsOn: [] },
  networkHub: { slug: 'network-hub', title: 'Network hub', dependsOn: ['audit'] },
  workload: { slug: 'workload', title: 'Workload', dependsOn: ['audit', 'networkHub'] },
  saasBridge: { slug: 'saas-bridge', title: 'SaaS bridge', dependsOn: ['audit', 'networkHub'] },
};

/**
 * Deploy tiers derived from `dependsOn`: every role of tier N depends only on roles of tiers < N,
 * and roles of one tier deploy in parallel. For the roles above: [audit], [networkHub], [workload, saasBridge].
 */
export const DEPLOY_TIERS: readonly (readonly AccountRole[])[] = computeTiers();

function computeTiers(): AccountRole[][] {
  const tierOf = new Map<AccountRole, number>();
  const depth = (role: AccountRole): number => {
    const known = tierOf.get(role);
    if (known !== undefined) return known;
    const deps = ROLE_INFO[role].dependsOn;
    const tier = deps.length === 0 ? 0 : 1 + Math.max(...deps.map(depth));
    tierOf.set(role, tier);
    return tier;
  };
  const tiers: AccountRole[][] = [];
  for (const role of ACCOUNT_ROLES) {
    const tier = depth(role);
    (tiers[tier] ??= []).push(role);
  }
  return tiers;
}

/** Construct id of the Stage of `role` in environment `env`, e.g. `dev-network-hub`. */
export function stageId(env: string, role: AccountRole): string {
  return `${env}-${ROLE_INFO[role].slug}`;
}

/** CloudFormation stack name of the main stack of `role` in `env`, e.g. `paradigm-dev-network-hub`. */
export function stackName(env: string, role: AccountRole): string {
  return `paradigm-${env}-${ROLE_INFO[role].slug}`;
}

/** Construct id of the bootstrap stage of `role` in `env` (not deployed by the pipeline). */
export function bootstrapStageId(env: string, role: AccountRole): string {
  return `${stageId(env, role)}-bootstrap`;
}

/** Stack holding the GitHub OIDC provider and roles of one account, deployed by scripts/bootstrap.ts. */
export function bootstrapStackName(env: string, role: AccountRole): string {
  return `${stackName(env, role)}-github-access`;
}

/** Stack that gives a spoke account's CDK deploy role what it needs beyond the bootstrap template. */
export function deployRoleGrantsStackName(env: string, role: AccountRole): string {
  return `${stackName(env, role)}-cdk-deploy-grants`;
}

/** Managed policy that `cdk bootstrap` gives the CloudFormation execution role, instead of AdministratorAccess. */
export const CFN_EXECUTION_POLICY_NAME = 'paradigm-cfn-execution';

/**
 * Permissions boundary of every role the platform's stacks create: whatever a template puts in a role's
 * policies, the role can never touch the GitHub access or change boundaries.
 */
export const PERMISSIONS_BOUNDARY_NAME = 'paradigm-permissions-boundary';

/** GitHub environment whose deployments (and OIDC subject) cover `env`. */
export function gitHubEnvironmentName(env: string): string {
  return env;
}

/** GitHub environment of the single approval gate in front of an environment that requires approval. */
export function approvalEnvironmentName(env: string): string {
  return `${env}-approval`;
}
