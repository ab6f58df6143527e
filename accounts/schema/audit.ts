/** Settings of the audit account of one environment. */
import type { z } from 'zod';
import { section } from './fields';

export const auditSchema = section('audit settings', {}).prefault({});

export type AuditSettings = z.infer<typeof auditSchema>;
