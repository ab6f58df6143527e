import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges one validator finding on `scope`. The id must be qualified (`Pack::RuleId`) so that
 * the acknowledgement is recorded in the validation report; the reason is read by auditors.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (!id.includes('::')) {
    throw new Error(`Acknowledgement "${id}" on ${scope.node.path} is not qualified. Fix: write it as "<Pack>::<RuleId>", e.g. "AwsSolutions::AwsSolutions-S1".`);
  }
  Validations.of(scope).acknowledge({ id, reason });
}
