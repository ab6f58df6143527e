/**
 * Helpers for cross-checks. Cross-checks read the raw input defensively, so that they still report
 * what they can when parts of the topology are malformed (those parts are reported by the schema).
 */
import type { TopologyProblem } from '../problems';

export type Raw = Record<string, unknown>;
export const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A cross-check: every problem it finds in the raw topology. */
export type TopologyCheck = (raw: Raw) => TopologyProblem[];

/** The environments of the raw topology with their index (malformed entries become `{}`). */
export function rawEnvironments(raw: Raw): { env: Raw; i: number }[] {
  return asArray(raw.environments).map((e, i) => ({ env: isObject(e) ? e : {}, i }));
}

/** The raw object at `key` of `obj`, or `{}`. */
export function child(obj: Raw, key: string): Raw {
  const v = obj[key];
  return isObject(v) ? v : {};
}
