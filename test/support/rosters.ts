/** The rosters the roster tests pin: every rule id of a pack with its level. */
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, type NagPack } from 'cdk-nag';
import { activeControlTowerControls, ParadigmChecks, roster } from '../../policies';

export const NAG_PACKS: Readonly<Record<string, () => NagPack>> = {
  'AwsSolutions': () => new AwsSolutionsChecks(),
  'HIPAA.Security': () => new HIPAASecurityChecks(),
  'NIST.800.53.R5': () => new NIST80053R5Checks(),
  'Paradigm': () => new ParadigmChecks(),
};

/** `[ruleId, level]` of every rule of a cdk-nag pack. */
export function nagRoster(pack: NagPack): [string, string][] {
  const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Roster');
  return roster(pack, new CfnResource(stack, 'Any', { type: 'AWS::SNS::Topic' })).map((r) => [r.ruleId, r.level]);
}

/** `[control id, guard rule name]` of every Control Tower control the validator runs (all are errors: the plugin reports no severity). */
export function controlTowerRoster(): [string, string][] {
  return activeControlTowerControls().map((c) => [c.id, c.ruleName]);
}
