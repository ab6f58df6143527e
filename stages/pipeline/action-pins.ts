/**
 * Every third-party action the workflows use, pinned to the full commit SHA of a release. One table for
 * the generated deploy workflow and the projen-generated workflows (projenrc/workflows.ts).
 *
 * Each SHA was read with git from the action's repository (`git rev-parse <tag>^{commit}`), never typed
 * by hand. To upgrade: look up the new tag's commit the same way, change one row, run `npx projen` and
 * `npm run platform`.
 */
export interface ActionPin {
  readonly sha: string;
  readonly tag: string;
}

export const ACTION_PINS = {
  'actions/checkout': { tag: 'v7.0.1', sha: '3d3c42e5aac5ba805825da76410c181273ba90b1' },
  'actions/setup-node': { tag: 'v7.0.0', sha: '820762786026740c76f36085b0efc47a31fe5020' },
  'actions/upload-artifact': { tag: 'v7.0.0', sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f' },
  'actions/download-artifact': { tag: 'v8.0.1', sha: '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c' },
  'actions/github-script': { tag: 'v8.0.0', sha: 'ed597411d8f924073f98dfc5c65a23a2325f34cd' },
  'aws-actions/configure-aws-credentials': { tag: 'v6.2.3', sha: 'e6de054238d6b7531b4efff3b6587d9aade6a06c' },
  'aws-actions/aws-cloudformation-github-deploy': { tag: 'v2.2.0', sha: '81e3b03d2266bcb76c4bcc37a7d71d9cb67838bb' },
  'amannn/action-semantic-pull-request': { tag: 'v6.1.1', sha: '48f256284bd46cdaab1048c3721360e808335d50' },
  'changesets/action': { tag: 'v1.9.0', sha: 'a45c4d594aa4e2c509dc14a9f2b3b67ba3780d0d' },
} as const satisfies Record<string, ActionPin>;

export type PinnedAction = keyof typeof ACTION_PINS;

/** `owner/repo@<sha>` for a `uses:` key. */
export function pinnedUses(action: PinnedAction): string {
  return `${action}@${ACTION_PINS[action].sha}`;
}

/** The action part of a `uses:` value (`owner/repo` of `owner/repo@ref`). */
export function actionOf(uses: string): string {
  return uses.split('@')[0];
}

/**
 * Replaces the ref of a `uses:` value with the pinned SHA; throws for an action that has no pin, so that
 * a new action cannot slip into a workflow unpinned.
 */
export function pinUses(uses: string, where: string): string {
  const action = actionOf(uses);
  if (!(action in ACTION_PINS)) {
    throw new Error(`${where} uses ${uses}, which has no pin. Fix: add "${action}" to ACTION_PINS in stages/pipeline/action-pins.ts with the commit SHA of a release tag.`);
  }
  return pinnedUses(action as PinnedAction);
}

/** cdk-assets, which asset jobs install on the runner (with install scripts off): pinned like the actions. */
export const CDK_ASSETS_VERSION = '4.7.3';

/** Node version of the runners' setup-node steps (the project's engines). */
export const WORKFLOW_NODE_VERSION = '20';

/** Adds the release tag as a comment after every pinned `uses:` line of a workflow's YAML text. */
export function annotatePins(yaml: string): string {
  return yaml.replace(/^(\s*(?:- )?uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40}))\s*(#.*)?$/gm, (line, head: string, action: string, sha: string) => {
    const pin = (ACTION_PINS as Record<string, ActionPin>)[action];
    return pin && pin.sha === sha ? `${head} # ${pin.tag}` : line;
  });
}
