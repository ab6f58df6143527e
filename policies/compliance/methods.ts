/** How the compliance report computes its numbers; written into the report itself. */
export const NAG_METHOD =
  'cdk-nag pack: every rule is run again over the stack\'s resources (census). Evaluated = rules that returned something other ' +
  'than N/A for at least one resource; not applicable = the rest. Failed = rules with an unacknowledged finding in the validation ' +
  'report, acknowledged = rules whose findings in the stack are all acknowledged, passed = evaluated minus both.';

export const CONTROL_TOWER_METHOD =
  'Control Tower (cfn-guard): a control is evaluated when the stack has a resource of a type its guard file names, not applicable ' +
  'otherwise (cfn-guard is only given the controls whose types occur in the validated templates: the others cannot find anything); ' +
  'exempted controls (policies/control-tower-exemptions.ts) are not counted. Failed and acknowledged come from the validation report.';

export const CLOUDFORMATION_METHOD =
  'CloudFormation validator: the engine reports findings only, not which of its rules applied, so evaluated, passed and not applicable ' +
  'are not reported; failed and acknowledged come from the validation report.';
