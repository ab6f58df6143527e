/** Settings of the audit account of one environment: log archive, trails, alerts and AWS Config. */
import { z } from 'zod';
import { bool, FIX, integer, list, PLATFORM_LOG_RETENTION_DAYS, pattern, section } from './fields';

/** A CloudWatch Logs retention in days. */
export const logRetentionDays = z
  .number({ error: (i) => (i.input === undefined ? `is missing.${FIX}add a retention in days, e.g. 365.` : `must be a number of days.${FIX}write one of ${PLATFORM_LOG_RETENTION_DAYS.join(', ')}.`) })
  .refine((d) => (PLATFORM_LOG_RETENTION_DAYS as readonly number[]).includes(d), {
    error: `is not an allowed log retention (CloudWatch Logs values of at least one year).${FIX}use one of ${PLATFORM_LOG_RETENTION_DAYS.join(', ')} days.`,
  });

const email = pattern('an e-mail address', /^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'write one address per entry, e.g. "security@example.com"');

const bucketName = pattern('an S3 bucket name', /^(?!xn--)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'write the bucket name (3–63 lower-case letters, digits, dots and dashes), not its ARN');

export const archiveSchema = section('log archive settings', {
  /** Object Lock retention of every archived object, in days (default 6 years, the HIPAA documentation retention). */
  retentionDays: integer('a retention in days', 1, 36500, 'use a number of days from 1 to 36500 (S3 Object Lock allows at most 100 years); 2190 is six years').default(2190),
  /** COMPLIANCE: nobody, not even the root user, can shorten retention or delete a locked version. GOVERNANCE: privileged users can. */
  objectLockMode: z.enum(['COMPLIANCE', 'GOVERNANCE'], { error: `is not an Object Lock mode.${FIX}use "COMPLIANCE" (default, required for audit evidence) or "GOVERNANCE".` }).default('COMPLIANCE'),
  /** Days after which objects move to S3 Standard-IA. */
  infrequentAccessAfterDays: integer('a number of days', 30, 36500, 'use at least 30 days (an S3 minimum for Standard-IA)').default(90),
  /** Days after which objects move to S3 Glacier Flexible Retrieval. */
  glacierAfterDays: integer('a number of days', 31, 36500, 'use a number of days larger than infrequentAccessAfterDays').default(365),
}).prefault({});

export const trailSchema = section('CloudTrail settings', {
  /** Retention of the trail's CloudWatch Logs group (the archive keeps the files for the Object Lock retention). */
  logRetentionDays: logRetentionDays.default(365),
  /** S3 data events recorded for the research-data bucket of the workload account. */
  researchDataEvents: z.enum(['none', 'write-only', 'all'], { error: `is not a data event setting.${FIX}use "all" (reads and writes), "write-only" or "none".` }).default('all'),
  /** Name of the research-data bucket; defaults to the platform's name `paradigm-<env>-research-data-<workload account id>`. */
  researchDataBucketName: bucketName.optional(),
}).prefault({});

export const auditSchema = section('audit settings', {
  archive: archiveSchema,
  trail: trailSchema,
  alerts: section('security alert settings', {
    /** E-mail addresses subscribed to the security alert topic (each confirms its subscription). */
    emails: list(email, 'e-mail addresses').default([]),
  }).prefault({}),
  config: section('AWS Config settings', {
    /** Record resource configuration with AWS Config and deliver snapshots into the archive. */
    enabled: bool('config.enabled').default(true),
    /** Evaluate HIPAA-style AWS managed Config rules in the audit account (only when enabled). */
    rules: bool('config.rules').default(true),
  }).prefault({}),
}).prefault({});

export type AuditSettings = z.infer<typeof auditSchema>;
