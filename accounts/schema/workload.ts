/**
 * Settings of the workload ("Customer VPC") account of one environment: sizes of the compute fleet,
 * the EKS cluster, the PostgreSQL database and the Redshift warehouse, retention, alert recipients
 * and who administers the cluster. Every key has a default, so `workload: {}` is a small, valid setup.
 */
import { z } from 'zod';
import { cidr, FIX, integer, list, pattern, PLATFORM_LOG_RETENTION_DAYS, section } from './fields';

/** Retention periods (days) of workload log groups: those CloudWatch Logs accepts, from one year up. */
export const WORKLOAD_LOG_RETENTION_DAYS = PLATFORM_LOG_RETENTION_DAYS;

/** Kubernetes versions the platform runs on EKS (standard support). */
export const KUBERNETES_VERSIONS = ['1.32', '1.33', '1.34', '1.35'] as const;

/** Redshift RA3 node types (DC2 is retired for new clusters). */
export const REDSHIFT_NODE_TYPES = ['ra3.large', 'ra3.xlplus', 'ra3.4xlarge', 'ra3.16xlarge'] as const;

const ec2InstanceType = pattern(
  'an EC2 instance type',
  /^[a-z][a-z0-9-]*\.(nano|micro|small|medium|large|metal|\d*xlarge)$/,
  'write an EC2 instance type such as "t3.medium" or "m7i.large" (family.size, lower case)',
);

const dbInstanceClass = pattern(
  'an RDS instance class',
  /^db\.[a-z][a-z0-9-]*\.(micro|small|medium|large|\d*xlarge)$/,
  'write an RDS instance class such as "db.t4g.medium" or "db.r7g.large" (it starts with "db.")',
);

const roleArn = pattern(
  'an IAM role ARN',
  /^arn:aws(-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]+$/,
  'write the ARN of an IAM role, e.g. "arn:aws:iam::111111111103:role/platform-admins"',
);

const email = pattern('an e-mail address', /^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'write one address such as "oncall@example.com"');

function oneOf<const T extends readonly (string | number)[]>(values: T, what: string) {
  const listed = values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ');
  return z.custom<T[number]>((v) => (values as readonly unknown[]).includes(v), {
    error: (issue) => (issue.input === undefined
      ? `is missing.${FIX}add ${what} (one of ${listed}).`
      : `is not an allowed ${what}.${FIX}use one of ${listed}.`),
  });
}

/** An auto scaling range; `min ≤ max` is a cross-check (accounts/checks/workload.ts). */
function capacity(what: string, max: number, defaults: { minCapacity: number; maxCapacity: number }) {
  return {
    minCapacity: integer(`minimum ${what}`, 1, max).default(defaults.minCapacity),
    maxCapacity: integer(`maximum ${what}`, 1, max).default(defaults.maxCapacity),
  };
}

export const WORKLOAD_DEFAULTS = {
  compute: { instanceType: 't3.medium', minCapacity: 1, maxCapacity: 2, volumeSizeGiB: 30 },
  eks: { version: '1.34', instanceType: 't3.large', minCapacity: 1, desiredCapacity: 2, maxCapacity: 3, volumeSizeGiB: 50 },
  database: { instanceClass: 'db.t4g.medium', allocatedStorageGiB: 50, maxAllocatedStorageGiB: 200, backupRetentionDays: 35, connectionsAlarmThreshold: 300 },
  redshift: { nodeType: 'ra3.large', numberOfNodes: 2, snapshotRetentionDays: 35 },
  logRetentionDays: 365,
} as const;

const D = WORKLOAD_DEFAULTS;

export const computeSchema = section('compute fleet settings', {
  instanceType: ec2InstanceType.default(D.compute.instanceType),
  /** The group scales on CPU between these bounds; a deploy never resets its current size. */
  ...capacity('number of instances', 50, D.compute),
  /** Root volume of every instance (encrypted gp3). */
  volumeSizeGiB: integer('root volume size in GiB', 8, 1024).default(D.compute.volumeSizeGiB),
}).prefault({});

export const eksSchema = section('EKS settings', {
  version: oneOf(KUBERNETES_VERSIONS, 'Kubernetes version').default(D.eks.version),
  /** Instance type of the managed node group. */
  instanceType: ec2InstanceType.default(D.eks.instanceType),
  ...capacity('number of nodes', 100, D.eks),
  /** Node count at creation; must lie within min and max (cross-check). */
  desiredCapacity: integer('desired number of nodes', 1, 100).default(D.eks.desiredCapacity),
  volumeSizeGiB: integer('node volume size in GiB', 20, 1024).default(D.eks.volumeSizeGiB),
  /** IAM roles that get cluster-admin through an EKS access entry (the API server is private: they reach it over the TGW or SSM). */
  adminRoleArns: list(roleArn, 'IAM role ARNs').max(10, { error: `lists more than 10 admin roles.${FIX}grant admin to a few roles and let people assume them.` }).default([]),
}).prefault({});

export const databaseSchema = section('PostgreSQL settings', {
  instanceClass: dbInstanceClass.default(D.database.instanceClass),
  /** Storage allocated at creation (gp3, encrypted). */
  allocatedStorageGiB: integer('allocated storage in GiB', 20, 65536).default(D.database.allocatedStorageGiB),
  /** Storage autoscaling ceiling; must be at least allocatedStorageGiB (cross-check). */
  maxAllocatedStorageGiB: integer('storage autoscaling limit in GiB', 20, 65536).default(D.database.maxAllocatedStorageGiB),
  /** Automated backup retention; 35 is the longest RDS keeps. */
  backupRetentionDays: integer('backup retention in days', 7, 35, 'keep automated backups from 7 to 35 days (35 is the RDS maximum and the platform default)').default(D.database.backupRetentionDays),
  /** Alarm when connections exceed this; set it to about 80% of the instance class's max_connections. */
  connectionsAlarmThreshold: integer('connection alarm threshold', 10, 5000, 'use about 80% of max_connections of the instance class, from 10 to 5000').default(D.database.connectionsAlarmThreshold),
}).prefault({});

export const redshiftSchema = section('Redshift settings', {
  nodeType: oneOf(REDSHIFT_NODE_TYPES, 'Redshift node type').default(D.redshift.nodeType),
  /** 1 gives a single-node cluster; 2 or more a multi-node cluster. */
  numberOfNodes: integer('number of Redshift nodes', 1, 32).default(D.redshift.numberOfNodes),
  snapshotRetentionDays: integer('automated snapshot retention in days', 1, 35).default(D.redshift.snapshotRetentionDays),
  /** On-premise analytics networks allowed to reach port 5439; each must lie within the topology's onPremiseCidrs. */
  analyticsCidrs: list(cidr, 'CIDR blocks').default([]),
}).prefault({});

export const workloadSchema = section('workload settings', {
  compute: computeSchema,
  eks: eksSchema,
  database: databaseSchema,
  redshift: redshiftSchema,
  /** Retention of every log group of the workload account (flow logs, EKS, RDS, Redshift). */
  logRetentionDays: oneOf(WORKLOAD_LOG_RETENTION_DAYS, 'log retention in days').default(D.logRetentionDays),
  /** Who receives the alarms of this environment (each confirms an SNS e-mail subscription). */
  alertEmails: list(email, 'e-mail addresses').max(20, { error: `lists more than 20 addresses.${FIX}subscribe a distribution list instead of individuals.` }).default([]),
}).prefault({});

export type WorkloadSettings = z.infer<typeof workloadSchema>;
