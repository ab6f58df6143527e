/** The shape of one rule of the Paradigm pack: what it checks, why, and the pure check itself. */
import type { CfnResource } from 'aws-cdk-lib';
import type { NagMessageLevel, NagRuleResult } from 'cdk-nag';

/** Settings the pack passes to every rule (from `ParadigmChecksProps`). */
export interface RuleSettings {
  /** Shortest retention, in days, a CloudWatch Logs log group may have. */
  readonly minimumLogRetentionDays: number;
  /**
   * IPv4 ranges a route through a VPC peering connection may point to (the SaaS providers' VPCs).
   * Empty: only default routes are refused.
   */
  readonly peeringDestinations: readonly string[];
}

export interface ParadigmRule {
  /** The rule name; equals the file name. The finding id is `Paradigm-<name>`. */
  readonly name: string;
  /** What a finding means (shown in the validation report). */
  readonly info: string;
  /** Why the rule exists. */
  readonly explanation: string;
  readonly level: NagMessageLevel;
  /** The HIPAA Security Rule sections the rule supports, e.g. `164.312(a)(1)`. */
  readonly hipaa: readonly string[];
  /** Pure check: compliant, non-compliant, not applicable, or a list of finding ids. */
  readonly check: (node: CfnResource, settings: RuleSettings) => NagRuleResult;
}
