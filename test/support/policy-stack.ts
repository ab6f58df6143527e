/** Tiny hand-built stacks for rule tests: no synth, no validator engine. */
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import type { NagRuleResult } from 'cdk-nag';
import type { ParadigmRule, RuleSettings } from '../../policies';

export const OWN_ACCOUNT = '111111111111';
export const OTHER_ACCOUNT = '222222222222';

export const DEFAULT_SETTINGS: RuleSettings = { minimumLogRetentionDays: 365, peeringDestinations: ['10.200.0.0/16'] };

/** A fresh stack in OWN_ACCOUNT (the built-in CloudFormation validator is off: nothing is synthesized). */
export function testStack(): Stack {
  const app = new App({ builtinCloudFormationValidation: false });
  return new Stack(app, 'Test', { env: { account: OWN_ACCOUNT, region: 'eu-west-1' } });
}

/** One raw resource of `type` with `properties`, as CloudFormation would see it. */
export function resource(type: string, properties: Record<string, unknown>, stack: Stack = testStack()): CfnResource {
  return new CfnResource(stack, 'Subject', { type, properties });
}

export function evaluate(rule: ParadigmRule, node: CfnResource, settings: RuleSettings = DEFAULT_SETTINGS): NagRuleResult {
  return rule.check(node, settings);
}

/** Runs the aspects (e.g. `Tags.of`) of `stack`'s app, as synth does before validation. */
export function applyAspects(stack: Stack): void {
  (stack.node.root as App).synth();
}
