/**
 * Field builders shared by every section of the topology schema. Each field's error message
 * says what is wrong and how to fix it; the loader adds the path and the value received.
 */
import { z } from 'zod';
import { parseCidr } from '../cidr';
import { AWS_REGIONS } from '../regions';

/** Separates the problem from the fix in every message; the loader splits on it. */
export const FIX = ' Fix: ';

function missingOr(what: string, howTo: string, wrongType: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `is missing.${FIX}add ${what} (${howTo}).` : `${wrongType}.${FIX}${howTo}.`;
}

/** A string matching `re`. */
export function pattern(what: string, re: RegExp, howTo: string) {
  return z
    .string({ error: missingOr(what, howTo, `must be ${what} written as a string`) })
    .regex(re, { error: `is not ${what}.${FIX}${howTo}.` });
}

/** An integer within [min, max]. */
export function integer(what: string, min: number, max: number, howTo?: string) {
  const fix = howTo ?? `use a whole number from ${min} to ${max}`;
  return z
    .number({ error: missingOr(what, fix, `must be ${what} written as a number`) })
    .int({ error: `must be a whole number.${FIX}${fix}.` })
    .min(min, { error: `is below ${min}, the smallest allowed ${what}.${FIX}${fix}.` })
    .max(max, { error: `is above ${max}, the largest allowed ${what}.${FIX}${fix}.` });
}

export function bool(what: string) {
  return z.boolean({ error: missingOr(what, 'write true or false, without quotes', 'must be true or false') });
}

export function nonEmptyText(what: string, howTo: string) {
  return z
    .string({ error: missingOr(what, howTo, `must be ${what} written as a string`) })
    .trim()
    .min(1, { error: `is empty.${FIX}${howTo}.` });
}

export const accountId = pattern(
  'a 12-digit AWS account id',
  /^\d{12}$/,
  'write the account id as exactly 12 digits in quotes, e.g. "111111111111" (keep leading zeros)',
);

export const region = z
  .string({ error: missingOr('an AWS region', 'e.g. "us-east-1"', 'must be an AWS region name written as a string') })
  .refine((r) => AWS_REGIONS.includes(r), {
    error: `is not an AWS region.${FIX}use a region code such as "us-east-1" or "eu-west-1" (lower case, with dashes).`,
  });

export const cidr = z
  .string({ error: missingOr('an IPv4 CIDR block', 'e.g. "10.20.0.0/16"', 'must be an IPv4 CIDR block written as a string') })
  .superRefine((value, ctx) => {
    const parsed = parseCidr(value);
    if (typeof parsed === 'string') {
      ctx.addIssue({ code: 'custom', message: `${parsed}.${FIX}write a network address with its prefix length, e.g. "10.20.0.0/16".`, input: value });
    }
  });

/** A CIDR block usable as a VPC range (AWS allows /16 to /28). */
export const vpcCidr = cidr.superRefine((value, ctx) => {
  const parsed = parseCidr(value);
  if (typeof parsed !== 'string' && (parsed.prefix < 16 || parsed.prefix > 28)) {
    ctx.addIssue({
      code: 'custom',
      message: `has prefix length /${parsed.prefix}, but a VPC range must be between /16 and /28.${FIX}choose a /16 to /28 block.`,
      input: value,
    });
  }
});

/** A private BGP ASN (16-bit 64512–65534 or 32-bit 4200000000–4294967294), as AWS requires for TGW and DX gateways. */
export const privateAsn = z
  .number({ error: missingOr('a private BGP ASN', 'e.g. 64512', 'must be a BGP ASN written as a number') })
  .int({ error: `must be a whole number.${FIX}use a private ASN: 64512–65534 or 4200000000–4294967294.` })
  .refine((asn) => (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294), {
    error: `is not a private ASN.${FIX}use 64512–65534 or 4200000000–4294967294.`,
  });

export function list<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: missingOr(what, 'write a list, e.g. ["a", "b"]', `must be a list of ${what}`) });
}

export function section<T extends z.core.$ZodLooseShape>(what: string, shape: T) {
  return z.strictObject(shape, { error: missingOr(what, 'add the section with its keys', `must be an object (${what})`) });
}

/**
 * The shortest log group retention the platform allows (AWS Control Tower CT.CLOUDWATCH.PR.2 and the
 * Paradigm pack): one year in CloudWatch Logs; the audit archive keeps the long-term copy.
 */
export const MINIMUM_LOG_RETENTION_DAYS = 365;

/** Retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** Retention periods the platform allows for its log groups: those CloudWatch Logs accepts, from one year up. */
export const PLATFORM_LOG_RETENTION_DAYS = LOG_RETENTION_DAYS.filter((d) => d >= MINIMUM_LOG_RETENTION_DAYS);
