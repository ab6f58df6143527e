/** Workload account settings of the example environments: dev small, staging like prod but smaller, prod multi-AZ sizes. */
import type { z } from 'zod';
import type { workloadSchema } from '../schema/workload';

export const EXAMPLE_WORKLOAD: Record<'dev' | 'staging' | 'prod', z.input<typeof workloadSchema>> = {
  dev: {
    compute: { instanceType: 't3.medium', minCapacity: 1, maxCapacity: 2 },
    eks: { instanceType: 't3.large', minCapacity: 1, desiredCapacity: 2, maxCapacity: 3 },
    database: { instanceClass: 'db.t4g.medium', allocatedStorageGiB: 50, maxAllocatedStorageGiB: 100 },
    redshift: { nodeType: 'ra3.large', numberOfNodes: 1, snapshotRetentionDays: 7 },
    logRetentionDays: 365,
    alertEmails: ['platform-alerts-dev@paradigm.example'],
  },
  staging: {
    compute: { instanceType: 'm7i.large', minCapacity: 2, maxCapacity: 4 },
    eks: { instanceType: 'm7i.large', minCapacity: 2, desiredCapacity: 3, maxCapacity: 6 },
    database: { instanceClass: 'db.r7g.large', allocatedStorageGiB: 100, maxAllocatedStorageGiB: 500 },
    redshift: { nodeType: 'ra3.xlplus', numberOfNodes: 2, snapshotRetentionDays: 14, analyticsCidrs: ['172.16.20.0/24'] },
    logRetentionDays: 365,
    alertEmails: ['platform-alerts@paradigm.example'],
  },
  prod: {
    compute: { instanceType: 'm7i.xlarge', minCapacity: 3, maxCapacity: 9, volumeSizeGiB: 100 },
    eks: {
      instanceType: 'm7i.xlarge',
      minCapacity: 3,
      desiredCapacity: 3,
      maxCapacity: 12,
      volumeSizeGiB: 100,
      adminRoleArns: ['arn:aws:iam::333333333303:role/paradigm-platform-admins'],
    },
    database: { instanceClass: 'db.r7g.xlarge', allocatedStorageGiB: 500, maxAllocatedStorageGiB: 2000, backupRetentionDays: 35 },
    redshift: { nodeType: 'ra3.4xlarge', numberOfNodes: 2, snapshotRetentionDays: 35, analyticsCidrs: ['172.16.20.0/24', '172.17.8.0/22'] },
    logRetentionDays: 2192,
    alertEmails: ['platform-alerts@paradigm.example', 'security-oncall@paradigm.example'],
  },
};
