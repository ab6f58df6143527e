/**
 * The Control Tower proactive controls as a validation plugin. It delegates to `CfnGuardValidator` from
 * @cdklabs/cdk-validator-cfnguard, but hands cfn-guard only the active controls whose resource types occur in the
 * templates being validated: cfn-guard's cost grows with rules × templates, and a control whose types are absent
 * cannot find anything. Findings, rule names and the plugin name (`cdk-validator-cfnguard`) are the library's.
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
    const types = new Set(context.templatePaths.flatMap((path) => {
      const template = JSON.parse(readFileSync(path, 'utf8')) as { Resources?: Record<string, { Type?: string }> };
      return Object.values(template.Resources ?? {}).map((r) => r.Type ?? '');
    }));
    const rules = this.controlsFor(types).map((c) => c.path);
    if (rules.length === 0) return { success: true, violations: [] };
    return new CfnGuardValidator({ controlTowerRulesEnabled: false, rules, maxBuffer: this.maxBuffer }).validate(context);
  }
}
