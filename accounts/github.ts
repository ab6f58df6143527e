/** GitHub OIDC subjects and role ARNs derived from the topology. */
import { approvalEnvironmentName, gitHubEnvironmentName } from './roles';
import type { Topology } from './schema/topology';

/** The OIDC audience that every GitHub OIDC role trusts. */
export const OIDC_AUDIENCE = 'sts.amazonaws.com';
/** The issuer host of GitHub Actions OIDC tokens. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** `repo:owner/repo`, or `repo:owner@ID/repo@ID` for repositories with immutable subjects. */
export function oidcSubjectPrefix(topology: Pick<Topology, 'github'>): string {
  const { owner, repository, immutableSubject } = topology.github;
  return immutableSubject
    ? `repo:${owner}@${immutableSubject.ownerId}/${repository}@${immutableSubject.repositoryId}`
    : `repo:${owner}/${repository}`;
}

/** The exact `sub` of deploy jobs of an environment (jobs that run under its GitHub environment). */
export function deploySubject(topology: Pick<Topology, 'github'>, environment: string): string {
  return `${oidcSubjectPrefix(topology)}:environment:${gitHubEnvironmentName(environment)}`;
}

/** The exact `sub` of the drift workflow: scheduled runs on the default branch, without an environment. */
export function driftSubject(topology: Pick<Topology, 'github'>): string {
  return `${oidcSubjectPrefix(topology)}:ref:refs/heads/${topology.github.defaultBranch}`;
}

/** Names of the GitHub environments the workflows use, in promotion order (approval gates included). */
export function gitHubEnvironments(topology: Pick<Topology, 'environments'>): string[] {
  return topology.environments.flatMap((e) => (e.approval.required
    ? [approvalEnvironmentName(e.name), gitHubEnvironmentName(e.name)]
    : [gitHubEnvironmentName(e.name)]));
}

export function roleArn(account: string, roleName: string): string {
  return `arn:aws:iam::${account}:role/${roleName}`;
}
