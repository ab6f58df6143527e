/** Audit account settings of the example environments. */
import type { z } from 'zod';
import type { auditSchema } from '../schema/audit';

export const EXAMPLE_AUDIT: Record<'dev' | 'staging' | 'prod', z.input<typeof auditSchema>> = {
  // Dev keeps logs for one year under governance mode, so that a retired dev account can be emptied.
  dev: { archive: { retentionDays: 365, objectLockMode: 'GOVERNANCE' }, trail: { logRetentionDays: 90, researchDataEvents: 'write-only' }, alerts: { emails: ['platform-alerts@example.com'] } },
  staging: { alerts: { emails: ['platform-alerts@example.com'] } },
  prod: { alerts: { emails: ['security-officers@example.com', 'platform-alerts@example.com'] } },
};
