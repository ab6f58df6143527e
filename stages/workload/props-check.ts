import { Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Collects the problems of a construct's props and throws them all at once. Values given as
 * unresolved tokens are skipped (they are only known at deploy time).
 */
export class PropsCheck {
  private readonly problems: string[] = [];

  constructor(private readonly scope: IConstruct) {}

  /** Records `problem` (what is wrong, the value, and the fix) unless `ok`. */
  public expect(ok: boolean, problem: string): this {
    if (!ok) this.problems.push(problem);
    return this;
  }

  /** `value` is a whole number within [min, max]. */
  public range(name: string, value: number, min: number, max: number): this {
    if (Token.isUnresolved(value)) return this;
    return this.expect(Number.isInteger(value) && value >= min && value <= max,
      `${name} is ${value}, but must be a whole number from ${min} to ${max}. Fix: use a value in that range.`);
  }

  /** `low ≤ high`. */
  public ordered(lowName: string, low: number, highName: string, high: number): this {
    if (Token.isUnresolved(low) || Token.isUnresolved(high)) return this;
    return this.expect(low <= high, `${lowName} (${low}) is above ${highName} (${high}). Fix: make ${lowName} ≤ ${highName}.`);
  }

  /** Throws one error listing every problem recorded, if any. */
  public done(): void {
    if (this.problems.length === 0) return;
    throw new Error(`${this.scope.node.path} has ${this.problems.length} invalid propert${this.problems.length === 1 ? 'y' : 'ies'}:\n${this.problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
