/** Audit account settings of the example environments. */
import type { z } from 'zod';
import type { auditSchema } from '../schema/audit';

export const EXAMPLE_AUDIT: Record<'dev' | 'staging' | 'prod', z.input<typeof auditSchema>> = {
  // Every environment keeps the archive six years in compliance mode (the defaults); dev keeps its
  // CloudWatch copy of the trail shorter and records only writes to research data.
  dev: { trail: { logRetentionDays: 365, researchDataEvents: 'write-only' }, alerts: { emails: ['platform-alerts@example.com'] } },
  staging: { alerts: { emails: ['platform-alerts@example.com'] } },
  prod: { alerts: { emails: ['security-officers@example.com', 'platform-alerts@example.com'] } },
};
