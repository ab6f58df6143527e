/** The compliance report's data: per environment, stack and rule source, what passed, what was acknowledged and why. */

export interface AcknowledgedFinding {
  readonly rule: string;
  readonly constructPath: string;
  readonly reason: string;
}

export interface PackCompliance {
  /** Rule source namespace, e.g. `HIPAA.Security`, `cdk-validator-cfnguard`. */
  readonly pack: string;
  /** Rules that had at least one resource of this stack to judge; undefined when the source cannot tell. */
  readonly evaluated?: number;
  /** Evaluated rules with no finding in this stack. */
  readonly passed?: number;
  /** Rules whose every finding in this stack is acknowledged. */
  readonly acknowledgedRules: number;
  /** Rules with at least one unacknowledged finding. */
  readonly failedRules: number;
  /** Rules with nothing to judge in this stack. */
  readonly notApplicable?: number;
  /**
   * Rules the census found non-compliant that the validation report neither lists as findings nor as
   * recorded acknowledgements (a bare, unqualified acknowledgement drops a finding without a trace). Must be 0.
   */
  readonly unrecorded: number;
  readonly acknowledgements: readonly AcknowledgedFinding[];
}

export interface StackCompliance {
  readonly environment: string;
  readonly stackName: string;
  readonly stackPath: string;
  readonly resources: number;
  readonly packs: readonly PackCompliance[];
}

export interface HipaaCoverage {
  /** HIPAA Security Rule section, e.g. `164.312(b)`. */
  readonly section: string;
  /** `pack::rule` ids that support it and were evaluated in at least one stack. */
  readonly rules: readonly string[];
}

/** A rule source's numbers summed over every stack; `acknowledgements` counts the acknowledged findings. */
export interface PackTotals extends Omit<PackCompliance, 'acknowledgements'> {
  readonly acknowledgements: number;
}

export interface ComplianceReport {
  /** How each number is computed, per rule source. */
  readonly methods: Readonly<Record<string, string>>;
  readonly stacks: readonly StackCompliance[];
  readonly totals: readonly PackTotals[];
  readonly hipaa: readonly HipaaCoverage[];
}
