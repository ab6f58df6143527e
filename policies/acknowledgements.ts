/** Every acknowledgement recorded in a construct tree, and the audit of their ids and reasons. */
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export interface Acknowledgement {
  /** Qualified id as recorded, e.g. `AwsSolutions::AwsSolutions-IAM5[Action::s3:*]`. */
  readonly id: string;
  /** The namespace before `::` (the pack), or `(unqualified)`. */
  readonly pack: string;
  readonly reason: string;
  /** Path of the construct the acknowledgement is attached to. */
  readonly constructPath: string;
}

/** Reasons that say nothing an auditor could check. */
const GENERIC_REASONS = [/^false positive\.?$/i, /^not (needed|required|applicable|relevant)\.?$/i, /^n\/?a\.?$/i, /^none\.?$/i, /^ok\.?$/i, /^by design\.?$/i, /^accepted( risk)?\.?$/i, /^todo/i, /^wip\.?$/i, /^tbd\.?$/i, /^ignore/i, /^suppress/i];

export const MINIMUM_REASON_LENGTH = 20;

export function collectAcknowledgements(root: IConstruct): Acknowledgement[] {
  const found: Acknowledgement[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ id, pack: id.includes('::') ? id.split('::')[0] : '(unqualified)', reason: String(reason ?? ''), constructPath: construct.node.path });
      }
    }
  }
  return found;
}

/** What is wrong with one acknowledgement, or undefined when an auditor could accept it. */
export function acknowledgementProblem(ack: Acknowledgement): string | undefined {
  const [pack, rule] = ack.id.split('::');
  if (!rule || !pack) return `"${ack.id}" is not qualified: write it as "<Pack>::<RuleId>" so that the report records it`;
  const reason = ack.reason.trim();
  if (reason.length < MINIMUM_REASON_LENGTH) return `the reason "${reason}" is shorter than ${MINIMUM_REASON_LENGTH} characters: say why the finding is acceptable for this resource`;
  if (GENERIC_REASONS.some((re) => re.test(reason))) return `the reason "${reason}" is generic: say why the finding is acceptable for this resource`;
  return undefined;
}

/** Acknowledgements per pack namespace, sorted by pack. */
export function countByPack(acks: readonly Acknowledgement[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const pack of acks.map((a) => a.pack).sort()) counts[pack] = (counts[pack] ?? 0) + 1;
  return counts;
}
