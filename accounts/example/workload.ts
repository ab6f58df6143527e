/** Workload account settings of the example environments. */
import type { z } from 'zod';
import type { workloadSchema } from '../schema/workload';

export const EXAMPLE_WORKLOAD: Record<'dev' | 'staging' | 'prod', z.input<typeof workloadSchema>> = {
  dev: {},
  staging: {},
  prod: {},
};
