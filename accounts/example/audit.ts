/** Audit account settings of the example environments. */
import type { z } from 'zod';
import type { auditSchema } from '../schema/audit';

export const EXAMPLE_AUDIT: Record<'dev' | 'staging' | 'prod', z.input<typeof auditSchema>> = {
  dev: {},
  staging: {},
  prod: {},
};
