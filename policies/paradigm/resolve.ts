/** Helpers the rules share: the resource as CloudFormation will see it, CIDR arithmetic, policy statements. */
import { type CfnResource, Stack, Token } from 'aws-cdk-lib';

type Json = Record<string, unknown>;

/**
 * The resource's `Properties` as they are written to the template: overrides applied, tokens of the same
 * stack resolved. Values that stay intrinsics (`Ref`, `Fn::GetAtt`, ...) remain objects.
 */
export function templateProperties(node: CfnResource): Json {
  const raw = (node as unknown as { _toCloudFormation(): Json })._toCloudFormation();
  const rendered = Stack.of(node).resolve(raw) as { Resources: Record<string, { Properties?: Json }> };
  return Object.values(rendered.Resources)[0]?.Properties ?? {};
}

/** Flattens `Fn::Join` of strings and pseudo-parameter refs into one string (`${AWS::Partition}`); other intrinsics stay unknown. */
export function flatten(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Json;
    if (typeof v.Ref === 'string') return `\${${v.Ref}}`;
    const join = v['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
      const parts = join[1].map(flatten);
      return parts.every((p) => p !== undefined) ? parts.join(join[0]) : undefined;
    }
  }
  return undefined;
}

/** The array form of a policy field that may be a single value. */
export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The prefix length of an IPv4 or IPv6 CIDR, or undefined if `cidr` is not a literal CIDR. */
export function prefixLength(cidr: unknown): number | undefined {
  if (typeof cidr !== 'string' || Token.isUnresolved(cidr)) return undefined;
  const match = /\/(\d{1,3})$/.exec(cidr);
  return match ? Number(match[1]) : undefined;
}

function ipv4ToNumber(address: string): number | undefined {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + p, 0);
}

/** True when IPv4 range `inner` lies inside `outer` (both literal CIDRs). */
export function ipv4Within(inner: string, outer: string): boolean {
  const [innerAddress, innerLength] = inner.split('/');
  const [outerAddress, outerLength] = outer.split('/');
  const i = ipv4ToNumber(innerAddress);
  const o = ipv4ToNumber(outerAddress);
  if (i === undefined || o === undefined || !(Number(innerLength) >= Number(outerLength))) return false;
  const block = 2 ** (32 - Number(outerLength));
  return Math.floor(i / block) === Math.floor(o / block);
}

/** The whole IPv4 or IPv6 address space. */
export function isAnyAddress(cidr: unknown): boolean {
  return cidr === '0.0.0.0/0' || cidr === '::/0';
}

export interface PolicyStatement {
  readonly Effect?: string;
  readonly Action?: string | string[];
  readonly Principal?: string | Record<string, unknown>;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/** The statements of a policy document property. */
export function statements(document: unknown): PolicyStatement[] {
  if (!document || typeof document !== 'object') return [];
  return asList((document as { Statement?: PolicyStatement | PolicyStatement[] }).Statement);
}

/** The condition keys of a statement under `operator`, case-insensitively, with their values as lists. */
export function conditionValues(statement: PolicyStatement, operator: string, key: string): unknown[] | undefined {
  const block = Object.entries(statement.Condition ?? {}).find(([op]) => op.toLowerCase() === operator.toLowerCase())?.[1];
  const entry = Object.entries(block ?? {}).find(([k]) => k.toLowerCase() === key.toLowerCase());
  return entry ? asList(entry[1] as unknown) : undefined;
}
