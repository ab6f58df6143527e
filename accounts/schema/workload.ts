/** Settings of the workload account of one environment. */
import type { z } from 'zod';
import { section } from './fields';

export const workloadSchema = section('workload settings', {}).prefault({});

export type WorkloadSettings = z.infer<typeof workloadSchema>;
