/** The catalogue of the bundled Control Tower proactive controls, read from the validator package's guard files. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { CONTROL_TOWER_EXEMPTIONS } from './control-tower-exemptions';

export interface ControlTowerControl {
  /** Guard file name, the id `disabledRules` takes, e.g. `ct-s3-pr-2`. */
  readonly file: string;
  /** Absolute path of the guard file. */
  readonly path: string;
  /** Control id, e.g. `CT.S3.PR.2`. */
  readonly id: string;
  /** Guard rule name, the id findings and acknowledgements use, e.g. `s3_bucket_logging_enabled_check`. */
  readonly ruleName: string;
  readonly title: string;
  /** CloudFormation types the control evaluates. */
  readonly resourceTypes: readonly string[];
  /** Why the platform turned it off, when it did. */
  readonly exemption?: string;
}

function guardFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? guardFiles(path) : entry.endsWith('.guard') ? [path] : [];
  });
}

let catalogue: ControlTowerControl[] | undefined;

/** Every bundled control, sorted by file name. */
export function controlTowerControls(): readonly ControlTowerControl[] {
  if (!catalogue) {
    const root = join(dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json')), 'rules', 'control-tower', 'cfn-guard');
    catalogue = guardFiles(root).map((path) => {
      const text = readFileSync(path, 'utf8');
      const file = parse(path).name;
      const heading = /\[(CT\.[A-Z0-9.-]+)\]:\s*(.+)/.exec(text);
      return {
        file,
        path,
        id: heading?.[1] ?? file,
        ruleName: /^rule (\w+) when is_cfn_template/m.exec(text)?.[1] ?? file,
        title: heading?.[2].trim() ?? '',
        resourceTypes: [...new Set(text.match(/["']AWS::[A-Za-z0-9]+::[A-Za-z0-9]+["']/g)?.map((t) => t.slice(1, -1)) ?? [])],
        exemption: CONTROL_TOWER_EXEMPTIONS[file],
      };
    }).sort((a, b) => a.file.localeCompare(b.file));
  }
  return catalogue;
}

/** The controls the platform runs: the catalogue minus the exemptions; checks that every exemption names a real control. */
export function activeControlTowerControls(): readonly ControlTowerControl[] {
  const files = new Set(controlTowerControls().map((c) => c.file));
  const unknown = Object.keys(CONTROL_TOWER_EXEMPTIONS).filter((f) => !files.has(f));
  if (unknown.length > 0) throw new Error(`control-tower-exemptions.ts names controls the validator does not have: ${unknown.join(', ')}. Fix: use guard file names such as ct-s3-pr-4.`);
  return controlTowerControls().filter((c) => c.exemption === undefined);
}
