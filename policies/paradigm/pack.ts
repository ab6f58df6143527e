/** Our own cdk-nag v3 pack: what AwsSolutions, HIPAA Security, NIST 800-53 and Control Tower do not check. */
import type { CfnResource } from 'aws-cdk-lib';
import { NagPack, type NagPackProps } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { RuleSettings } from './rule';
import { PARADIGM_RULES } from '../rules';

export const PARADIGM_PACK_NAME = 'Paradigm';

export interface ParadigmChecksProps extends NagPackProps {
  /**
   * Shortest retention a CloudWatch Logs log group may have, in days.
   * @default 365
   */
  readonly minimumLogRetentionDays?: number;
  /**
   * IPv4 ranges routes through VPC peering connections may point to (the SaaS providers' VPCs).
   * @default - any range except a default route
   */
  readonly peeringDestinations?: readonly string[];
}

/** Registers with `Validations.of(app).addPlugins(new ParadigmChecks(app, props))`; findings are `Paradigm::Paradigm-<Rule>`. */
export class ParadigmChecks extends NagPack {
  public readonly name = PARADIGM_PACK_NAME;
  public readonly ruleIds = PARADIGM_RULES.map((r) => `${PARADIGM_PACK_NAME}-${r.name}`);
  private readonly settings: RuleSettings;

  constructor(scope?: IConstruct, props: ParadigmChecksProps = {}) {
    super(scope, props);
    this.packName = PARADIGM_PACK_NAME;
    this.settings = {
      minimumLogRetentionDays: props.minimumLogRetentionDays ?? 365,
      peeringDestinations: props.peeringDestinations ?? [],
    };
  }

  protected checkResource(node: CfnResource): void {
    for (const rule of PARADIGM_RULES) {
      this.applyRule({
        ruleSuffixOverride: rule.name,
        info: rule.info,
        explanation: rule.explanation,
        level: rule.level,
        node,
        rule: (resource: CfnResource) => rule.check(resource, this.settings),
      });
    }
  }
}
