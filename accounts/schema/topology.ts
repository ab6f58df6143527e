/** The whole topology: GitHub, environments in promotion order, accounts, network and SaaS providers. */
import { z } from 'zod';
import { ACCOUNT_ROLES, type AccountRole } from '../roles';
import { auditSchema } from './audit';
import { accountId, bool, cidr, FIX, integer, list, nonEmptyText, pattern, region, section } from './fields';
import { networkSchema } from './network';
import { saasProviderSchema } from './saas';
import { workloadSchema } from './workload';

const availabilityZone = pattern('an Availability Zone name', /^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, 'write Availability Zone names such as "us-east-1a"');

export const accountSchema = section('an account', {
  accountId,
  region,
  /**
   * Availability Zones used by VPCs in this account, named explicitly so that synth needs no AWS lookup.
   * Defaults to the region's zones a, b and c.
   */
  availabilityZones: list(availabilityZone, 'Availability Zones')
    .min(2, { error: `lists fewer than 2 zones.${FIX}list 2 or 3 Availability Zones of the account's region for redundancy.` })
    .max(6, { error: `lists more than 6 zones.${FIX}list 2 or 3 Availability Zones of the account's region.` })
    .optional(),
})
  .superRefine((account, ctx) => {
    (account.availabilityZones ?? []).forEach((az, i) => {
      if (!az.startsWith(account.region)) {
        ctx.addIssue({ code: 'custom', path: ['availabilityZones', i], input: az, message: `is not a zone of the account's region ${account.region}.${FIX}use zones named "${account.region}<letter>", or change the region.` });
      }
    });
  })
  .transform((account) => ({ ...account, availabilityZones: account.availabilityZones ?? ['a', 'b', 'c'].map((letter) => `${account.region}${letter}`) }));

const accountsShape = Object.fromEntries(ACCOUNT_ROLES.map((role) => [role, accountSchema])) as Record<AccountRole, typeof accountSchema>;

const environmentName = pattern(
  'an environment name',
  /^[a-z](?:[a-z0-9-]{0,14}[a-z0-9])?$/,
  'use 1–16 lower-case letters, digits and dashes, starting with a letter and not ending with a dash (it names a GitHub environment and prefixes stack names)',
);

const gitHubLogin = pattern('a GitHub user or team', /^(?:team:)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'write a GitHub login such as "octocat", or a team slug as "team:platform-leads"');

export const environmentSchema = section('an environment', {
  name: environmentName,
  approval: section('approval settings', {
    /** Deployments into this environment wait for one human approval. */
    required: bool('approval.required'),
    /** GitHub users (or `team:<slug>`) who may approve; at most 6 (a GitHub limit). */
    reviewers: list(gitHubLogin, 'GitHub users or teams').max(6, { error: `lists more than 6 reviewers, the most a GitHub environment accepts.${FIX}use a team ("team:<slug>") for larger groups.` }).default([]),
  }),
  accounts: section('the four accounts', accountsShape),
  network: networkSchema,
  /** Audit account settings (log archive, trails, alerts). */
  audit: auditSchema,
  /** Workload account settings (sizes, retention, access). */
  workload: workloadSchema,
});

export const topologySchema = section('the topology', {
  github: section('GitHub settings', {
    owner: pattern('a GitHub owner', /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'write the organization or user that owns the repository'),
    repository: pattern('a GitHub repository name', /^[A-Za-z0-9._-]{1,100}$/, 'write the repository name without the owner'),
    defaultBranch: pattern('a branch name', /^[A-Za-z0-9._/-]{1,100}$/, 'write the branch that deploys, e.g. "main"').default('main'),
    /**
     * Set when the repository uses immutable OIDC subjects (`repo:owner@ID/repo@ID:…`), which GitHub gives
     * repositories created from mid-2026 or sets through the OIDC subject API. Omit for `repo:owner/repo:…`.
     */
    immutableSubject: section('immutable OIDC subject ids', {
      ownerId: integer('a GitHub owner id', 1, Number.MAX_SAFE_INTEGER, 'copy the numeric id of the owner from the GitHub API (GET /orgs/<owner>)'),
      repositoryId: integer('a GitHub repository id', 1, Number.MAX_SAFE_INTEGER, 'copy the numeric id of the repository from the GitHub API (GET /repos/<owner>/<repo>)'),
    }).optional(),
  }),
  oidc: section('GitHub OIDC role names', {
    /** Role in every account that the deploy workflow assumes through GitHub OIDC. */
    deployRoleName: pattern('an IAM role name', /^[\w+=,.@-]{1,64}$/, 'use up to 64 letters, digits and +=,.@_-'),
    /** Read-only role in every account for the drift workflow. */
    driftRoleName: pattern('an IAM role name', /^[\w+=,.@-]{1,64}$/, 'use up to 64 letters, digits and +=,.@_-'),
    /**
     * Create the GitHub OIDC provider in every account. Set false when the accounts already have one
     * (an account holds at most one provider per issuer); the roles then use the existing provider.
     */
    createProvider: bool('oidc.createProvider').default(true),
    /** Role that operators assume in every account to bootstrap it (scripts/bootstrap.ts). */
    bootstrapAdminRoleName: pattern('an IAM role name', /^[\w+=,.@-]{1,64}$/, 'use up to 64 letters, digits and +=,.@_-').default('OrganizationAccountAccessRole'),
  }),
  tags: section('the required tags', {
    owner: nonEmptyText('an owner', 'name the team that owns the platform, e.g. "platform-team"'),
    costCenter: nonEmptyText('a cost center', 'e.g. "CC-1234"'),
    dataClassification: z.enum(['phi', 'confidential', 'internal', 'public'], {
      error: `is not a data classification.${FIX}use one of "phi", "confidential", "internal", "public".`,
    }),
  }),
  /** The AWS Organization of the accounts; when set, the audit account runs an organization trail. Omit when the accounts are not in one organization. */
  organization: section('the AWS Organization', {
    id: pattern('an AWS Organization id', /^o-[a-z0-9]{10,32}$/, 'copy the id from the Organizations console, e.g. "o-a1b2c3d4e5"'),
  }).optional(),
  /** Corporate on-premise ranges reached over Direct Connect. */
  onPremiseCidrs: list(cidr, 'CIDR blocks').default([]),
  /** Environments in promotion order: each is deployed only after the previous one succeeded. */
  environments: list(environmentSchema, 'environments').min(1, { error: `is empty.${FIX}list at least one environment.` }),
  saasProviders: list(saasProviderSchema, 'SaaS providers').default([]),
  drift: section('drift detection', {
    /** Cron schedule (UTC) of the drift workflow. */
    schedule: pattern('a cron schedule', /^(\S+\s+){4}\S+$/, 'write five cron fields, e.g. "0 6 * * 1-5"'),
  }),
});

export type Topology = z.infer<typeof topologySchema>;
export type TopologyInput = z.input<typeof topologySchema>;
export type EnvironmentConfig = z.infer<typeof environmentSchema>;
export type AccountConfig = z.infer<typeof accountSchema>;
