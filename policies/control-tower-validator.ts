/**
 * The Control Tower proactive controls as a validation plugin. It delegates to `CfnGuardValidator` from
 * @cdklabs/cdk-validator-cfnguard, but hands cfn-guard each template with only the active controls whose resource
 * types occur in it: cfn-guard's cost grows with rules × templates, and a control whose types are absent from a
 * template cannot find anything in it. Templates that need the same controls are checked by one cfn-guard run.
 * Findings, rule names and the plugin name (`cdk-validator-cfnguard`) are the library's.
 */
import { readFileSync } from 'node:fs';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import type { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { activeControlTowerControls, type ControlTowerControl } from './control-tower';

export interface ControlTowerValidatorProps {
  /**
   * Largest cfn-guard output, in bytes.
   * @default - 64 MiB
   */
  readonly maxBuffer?: number;
}

export class ControlTowerValidator implements IPolicyValidationPlugin {
  public readonly name = 'cdk-validator-cfnguard';
  /** Guard file names of the active controls (the bundled ones minus `control-tower-exemptions.ts`). */
  public readonly ruleIds: string[];
  public readonly controls: readonly ControlTowerControl[];
  private readonly maxBuffer: number;

  constructor(props: ControlTowerValidatorProps = {}) {
    this.controls = activeControlTowerControls();
    this.ruleIds = this.controls.map((c) => c.file);
    this.maxBuffer = props.maxBuffer ?? 64 * 1024 * 1024;
  }

  /** The active controls that name at least one of `types`. */
  public controlsFor(types: ReadonlySet<string>): readonly ControlTowerControl[] {
    return this.controls.filter((c) => c.resourceTypes.some((t) => types.has(t)));
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    // Group the templates by the controls that apply to them.
    const groups = new Map<string, { rules: string[]; templatePaths: string[] }>();
    for (const path of context.templatePaths) {
      const template = JSON.parse(readFileSync(path, 'utf8')) as { Resources?: Record<string, { Type?: string }> };
      const types = new Set(Object.values(template.Resources ?? {}).map((r) => r.Type ?? ''));
      const rules = this.controlsFor(types).map((c) => c.path).sort();
      if (rules.length === 0) continue;
      const key = rules.join('\n');
      const group = groups.get(key) ?? { rules, templatePaths: [] };
      group.templatePaths.push(path);
      groups.set(key, group);
    }
    const reports = [...groups.values()].map((group) =>
      new CfnGuardValidator({ controlTowerRulesEnabled: false, rules: group.rules, maxBuffer: this.maxBuffer })
        .validate({ ...context, templatePaths: group.templatePaths }));
    return { success: reports.every((r) => r.success), violations: reports.flatMap((r) => r.violations) };
  }
}
