/** Cross-checks of environments, accounts and approvals. */
import { renderValue, type TopologyProblem } from '../problems';
import { ACCOUNT_ROLES, approvalEnvironmentName, ROLE_INFO } from '../roles';
import { child, rawEnvironments, str, type Raw } from './raw';

/** Environment names are unique and do not collide with another environment's approval gate. */
export function checkEnvironmentNames(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  const environments = rawEnvironments(raw);
  const names = new Map<string, number>();
  for (const { env, i } of environments) {
    const name = str(env.name);
    if (name === undefined) continue;
    const first = names.get(name);
    if (first !== undefined) {
      problems.push({ path: `environments[${i}].name`, value: renderValue(name), problem: `environment name is already used by environments[${first}]`, fix: 'give every environment a unique name.' });
    } else {
      names.set(name, i);
    }
  }
  for (const { env, i } of environments) {
    const name = str(env.name);
    const gate = name && [...names.keys()].find((other) => approvalEnvironmentName(other) === name);
    if (gate) {
      problems.push({
        path: `environments[${i}].name`,
        value: renderValue(name),
        problem: `collides with the GitHub approval environment of "${gate}"`,
        fix: `rename it; "${approvalEnvironmentName(gate)}" is reserved for the approval gate of "${gate}".`,
      });
    }
  }
  return problems;
}

/** Every account role of every environment has an AWS account of its own. */
export function checkAccounts(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  const owners = new Map<string, string>();
  for (const { env, i } of rawEnvironments(raw)) {
    const accounts = child(env, 'accounts');
    for (const role of ACCOUNT_ROLES) {
      const id = str(child(accounts, role).accountId);
      if (!id || !/^\d{12}$/.test(id)) continue;
      const path = `environments[${i}].accounts.${role}.accountId`;
      const owner = owners.get(id);
      if (owner) {
        problems.push({
          path,
          value: renderValue(id),
          problem: `account ${id} is already used by ${owner}`,
          fix: `give every account role of every environment its own AWS account (${ROLE_INFO[role].title} of ${str(env.name) ?? `environments[${i}]`} needs a different id); sharing accounts mixes blast radius and OIDC trust.`,
        });
      } else {
        owners.set(id, path);
      }
    }
  }
  return problems;
}

/** A required approval names at least one reviewer. */
export function checkApprovals(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  for (const { env, i } of rawEnvironments(raw)) {
    const approval = child(env, 'approval');
    const reviewers = approval.reviewers;
    if (approval.required === true && (reviewers === undefined || (Array.isArray(reviewers) && reviewers.length === 0))) {
      problems.push({
        path: `environments[${i}].approval.reviewers`,
        value: renderValue(reviewers),
        problem: 'approval is required but nobody may approve',
        fix: 'list at least one GitHub user or team ("team:<slug>"), or set approval.required to false.',
      });
    }
  }
  return problems;
}
