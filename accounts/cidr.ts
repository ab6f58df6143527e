/** IPv4 CIDR helpers used by topology validation. Pure functions, no dependencies. */

export interface ParsedCidr {
  readonly cidr: string;
  readonly start: number;
  readonly end: number;
  readonly prefix: number;
}

const CIDR_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses an IPv4 CIDR block; returns a reason string when it is not one. */
export function parseCidr(cidr: string): ParsedCidr | string {
  const m = CIDR_RE.exec(cidr);
  if (!m) return 'is not an IPv4 CIDR block of the form a.b.c.d/n';
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255)) return 'has an octet above 255';
  if (prefix > 32) return 'has a prefix length above 32';
  const address = octets.reduce((acc, octet) => acc * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  if (address % size !== 0) {
    const base = address - (address % size);
    return `has host bits set (the network address of /${prefix} is ${formatAddress(base)}/${prefix})`;
  }
  return { cidr, start: address, end: address + size - 1, prefix };
}

export function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

export function overlaps(a: ParsedCidr, b: ParsedCidr): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** True when `outer` contains every address of `inner`. */
export function contains(outer: ParsedCidr, inner: ParsedCidr): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
