/** Builds the compliance report from the synthesized app, the validation report and the packs that ran. */
import { CfnResource, type Stack } from 'aws-cdk-lib';
import type { NagPack } from 'cdk-nag';
import { CLOUDFORMATION_METHOD, CONTROL_TOWER_METHOD, NAG_METHOD } from './methods';
import type { AcknowledgedFinding, ComplianceReport, HipaaCoverage, PackCompliance, PackTotals, StackCompliance } from './model';
import { census } from '../census';
import type { ControlTowerValidator } from '../control-tower-validator';
import type { PolicyResult, PolicyResults } from '../report';
import { PARADIGM_RULES } from '../rules';

export interface ComplianceInput {
  readonly environments: readonly { readonly name: string; readonly stacks: readonly Stack[] }[];
  /** The validation report of the same synth. */
  readonly results: PolicyResults;
  readonly nagPacks: readonly NagPack[];
  readonly controlTower?: ControlTowerValidator;
  /** Whether the built-in CloudFormation validator ran. */
  readonly cloudFormation: boolean;
}

const CLOUDFORMATION = 'CloudFormation-Validate';
const namespace = (pluginName: string) => pluginName.replace(/ /g, '-');
const baseRule = (rule: string) => rule.replace(/\[.*\]$/, '');

interface Judged { failed: Set<string>; acknowledged: Set<string>; acknowledgements: AcknowledgedFinding[] }

/** Findings and acknowledgements of one rule source under one stack, by base rule id. */
function judge(results: PolicyResults, pack: string, stackPath: string): Judged {
  const mine = (r: PolicyResult) => namespace(r.source) === pack && (r.constructPath === stackPath || r.constructPath.startsWith(`${stackPath}/`));
  const failed = new Set(results.findings.filter(mine).map((r) => baseRule(r.rule)));
  const acks = results.acknowledged.filter(mine);
  const acknowledged = new Set(acks.map((r) => baseRule(r.rule)).filter((r) => !failed.has(r)));
  const acknowledgements = acks.map((r) => ({ rule: r.rule, constructPath: r.constructPath, reason: r.reason ?? '' }))
    .sort((a, b) => a.constructPath.localeCompare(b.constructPath) || a.rule.localeCompare(b.rule));
  return { failed, acknowledged, acknowledgements };
}

function counted(pack: string, applicable: Set<string>, all: number, judged: Judged, nonCompliant: Set<string> = new Set()): PackCompliance {
  const unrecorded = [...nonCompliant].filter((r) => !judged.failed.has(r) && !judged.acknowledged.has(r)).length;
  const passed = [...applicable].filter((r) => !judged.failed.has(r) && !judged.acknowledged.has(r) && !nonCompliant.has(r)).length;
  return {
    pack,
    evaluated: applicable.size,
    passed,
    acknowledgedRules: judged.acknowledged.size,
    failedRules: judged.failed.size,
    notApplicable: all - applicable.size,
    unrecorded,
    acknowledgements: judged.acknowledgements,
  };
}

function nagCompliance(pack: NagPack, stack: Stack, results: PolicyResults, evaluatedAnywhere: Set<string>): PackCompliance {
  const outcomes = census(pack, stack);
  const all = new Set(outcomes.map((o) => o.ruleId));
  const applicable = new Set(outcomes.filter((o) => o.outcome !== 'not-applicable').map((o) => o.ruleId));
  const nonCompliant = new Set(outcomes.filter((o) => o.outcome === 'non-compliant').map((o) => o.ruleId));
  applicable.forEach((r) => evaluatedAnywhere.add(`${pack.name}::${r}`));
  return counted(pack.name, applicable, all.size, judge(results, pack.name, stack.node.path), nonCompliant);
}

function controlTowerCompliance(validator: ControlTowerValidator, stack: Stack, results: PolicyResults): PackCompliance {
  const types = new Set(stack.node.findAll().filter(CfnResource.isCfnResource).map((r) => r.cfnResourceType));
  const applicable = new Set(validator.controlsFor(types).map((c) => c.ruleName));
  return counted(validator.name, applicable, validator.controls.length, judge(results, validator.name, stack.node.path));
}

function cloudFormationCompliance(stack: Stack, results: PolicyResults): PackCompliance {
  const judged = judge(results, CLOUDFORMATION, stack.node.path);
  return {
    pack: CLOUDFORMATION,
    acknowledgedRules: judged.acknowledged.size,
    failedRules: judged.failed.size,
    unrecorded: 0,
    acknowledgements: judged.acknowledgements,
  };
}

/** HIPAA sections per rule: from the HIPAA.Security descriptions `(Control IDs: 164.312(...))` and our pack's rules. */
function hipaaSections(nagPacks: readonly NagPack[], stacks: readonly Stack[]): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  for (const rule of PARADIGM_RULES) sections.set(`Paradigm::Paradigm-${rule.name}`, [...rule.hipaa]);
  const hipaa = nagPacks.find((p) => p.name === 'HIPAA.Security');
  if (hipaa && stacks[0]) {
    for (const o of census(hipaa, stacks[0])) {
      const ids = /\(Control IDs?: (.*)\)\.?$/.exec(o.info)?.[1];
      if (ids) sections.set(`HIPAA.Security::${o.ruleId}`, ids.split(/,\s*/));
    }
  }
  return sections;
}

function coverage(sections: Map<string, string[]>, evaluated: Set<string>): HipaaCoverage[] {
  const bySection = new Map<string, Set<string>>();
  for (const [rule, list] of sections) {
    if (!evaluated.has(rule)) continue;
    for (const s of list) bySection.set(s, (bySection.get(s) ?? new Set()).add(rule));
  }
  return [...bySection].sort(([a], [b]) => a.localeCompare(b)).map(([section, rules]) => ({ section, rules: [...rules].sort() }));
}

function totals(stacks: readonly StackCompliance[]): PackTotals[] {
  const byPack = new Map<string, PackCompliance[]>();
  for (const s of stacks) for (const p of s.packs) byPack.set(p.pack, [...(byPack.get(p.pack) ?? []), p]);
  const sum = (list: PackCompliance[], key: 'evaluated' | 'passed' | 'notApplicable') =>
    (list.every((p) => p[key] !== undefined) ? list.reduce((n, p) => n + (p[key] ?? 0), 0) : undefined);
  return [...byPack].map(([pack, list]) => ({
    pack,
    evaluated: sum(list, 'evaluated'),
    passed: sum(list, 'passed'),
    notApplicable: sum(list, 'notApplicable'),
    acknowledgedRules: list.reduce((n, p) => n + p.acknowledgedRules, 0),
    failedRules: list.reduce((n, p) => n + p.failedRules, 0),
    unrecorded: list.reduce((n, p) => n + p.unrecorded, 0),
    acknowledgements: list.reduce((n, p) => n + p.acknowledgements.length, 0),
  }));
}

export function buildComplianceReport(input: ComplianceInput): ComplianceReport {
  const evaluatedAnywhere = new Set<string>();
  const stacks: StackCompliance[] = input.environments.flatMap((env) => env.stacks.map((stack) => ({
    environment: env.name,
    stackName: stack.stackName,
    stackPath: stack.node.path,
    resources: stack.node.findAll().filter(CfnResource.isCfnResource).length,
    packs: [
      ...(input.cloudFormation ? [cloudFormationCompliance(stack, input.results)] : []),
      ...input.nagPacks.map((pack) => nagCompliance(pack, stack, input.results, evaluatedAnywhere)),
      ...(input.controlTower ? [controlTowerCompliance(input.controlTower, stack, input.results)] : []),
    ],
  })));
  const methods: Record<string, string> = {};
  if (input.cloudFormation) methods[CLOUDFORMATION] = CLOUDFORMATION_METHOD;
  for (const pack of input.nagPacks) methods[pack.name] = NAG_METHOD;
  if (input.controlTower) methods[input.controlTower.name] = CONTROL_TOWER_METHOD;
  const allStacks = input.environments.flatMap((e) => e.stacks);
  return { methods, stacks, totals: totals(stacks), hipaa: coverage(hipaaSections(input.nagPacks, allStacks), evaluatedAnywhere) };
}
