/**
 * Runs a cdk-nag pack's rules over a scope and records, per rule, what each resource got: compliant, non-compliant
 * or not applicable. The validation report only lists violations; the compliance report needs the rest too.
 * Acknowledgements are ignored here (they come from the validation report).
 */
import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, type IApplyRule, type NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';

export type Outcome = 'compliant' | 'non-compliant' | 'not-applicable';

export interface RuleRecord {
  /** Rule id as findings name it, e.g. `AwsSolutions-S1` (without a `[finding]` suffix). */
  readonly ruleId: string;
  /** `Error`, `Warning` or `Info` (cdk-nag's NagMessageLevel). */
  readonly level: string;
  readonly info: string;
}

export interface RuleOutcome extends RuleRecord {
  readonly outcome: Outcome;
  readonly constructPath: string;
}

function outcomeOf(params: IApplyRule): Outcome {
  try {
    const result = params.rule(params.node);
    if (Array.isArray(result)) return result.length === 0 ? 'compliant' : 'non-compliant';
    if (result === NagRuleCompliance.NOT_APPLICABLE) return 'not-applicable';
    return result === NagRuleCompliance.COMPLIANT ? 'compliant' : 'non-compliant';
  } catch {
    return 'non-compliant';
  }
}

/** Every rule outcome of `pack` on every CfnResource under `scope`. */
export function census(pack: NagPack, scope: IConstruct): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  const packName = pack.readPackName;
  const spy = Object.create(pack) as { applyRule(params: IApplyRule): void; checkResource(node: CfnResource): void };
  spy.applyRule = (params: IApplyRule) => {
    outcomes.push({
      ruleId: `${packName}-${params.ruleSuffixOverride ?? params.rule.name}`,
      level: params.level,
      info: params.info,
      outcome: outcomeOf(params),
      constructPath: params.node.node.path,
    });
  };
  for (const node of scope.node.findAll()) {
    if (CfnResource.isCfnResource(node)) spy.checkResource(node);
  }
  return outcomes;
}

/** The rules of `pack` with their levels: every rule is applied to every resource, so one resource shows them all. */
export function roster(pack: NagPack, anyResource: CfnResource): RuleRecord[] {
  const seen = new Map<string, RuleRecord>();
  for (const o of census(pack, anyResource)) {
    if (!seen.has(o.ruleId)) seen.set(o.ruleId, { ruleId: o.ruleId, level: o.level, info: o.info });
  }
  return [...seen.values()];
}
