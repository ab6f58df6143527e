import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { EncryptionKey } from '../common/encrypted-key';

export interface WorkloadKeysProps {
  /** Prefix of every key alias, e.g. `paradigm-dev-workload`. */
  readonly prefix: string;
}

/**
 * One customer managed key per data domain of the workload account, each rotating yearly and
 * retained. Key policies keep the AWS default (the account administers the key through IAM) and
 * add only the service access each domain needs, scoped by principal ARN or encryption context.
 */
export class WorkloadKeys extends Construct {
  /** Research data: the research bucket and the EBS volumes of the compute fleet that processes it. */
  public readonly researchData: kms.Key;
  /** Databases: RDS storage, Performance Insights, Redshift and their managed admin secrets. */
  public readonly databases: kms.Key;
  /** Logs and alerts: every workload log group and the alert topic. */
  public readonly logs: kms.Key;
  /** EKS: Kubernetes secrets envelope encryption and the node volumes. */
  public readonly eks: kms.Key;

  constructor(scope: Construct, id: string, props: WorkloadKeysProps) {
    super(scope, id);
    const key = (name: string, description: string) =>
      new EncryptionKey(this, name, { alias: `${props.prefix}/${name.toLowerCase()}`, description }).key;
    this.researchData = key('ResearchData', `Encrypts the research data bucket and compute volumes of ${props.prefix}`);
    this.databases = key('Databases', `Encrypts the PostgreSQL and Redshift data of ${props.prefix}`);
    this.logs = key('Logs', `Encrypts the log groups and alert topic of ${props.prefix}`);
    this.eks = key('Eks', `Encrypts the Kubernetes secrets and node volumes of ${props.prefix}`);

    // Auto Scaling launches instances with encrypted volumes through its service-linked role.
    for (const k of [this.researchData, this.eks]) allowAutoScalingVolumes(k);
  }
}

/**
 * Lets the Auto Scaling service-linked role of this account use `key` for EBS volumes of the
 * instances it launches. The role is named by `aws:PrincipalArn` rather than as principal, because
 * it exists only after the first Auto Scaling group of the account is created.
 */
export function allowAutoScalingVolumes(key: kms.Key): void {
  const stack = Stack.of(key);
  const conditions = {
    StringEquals: { 'kms:CallerAccount': stack.account },
    ArnEquals: { 'aws:PrincipalArn': autoScalingServiceRoleArn(stack) },
  };
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowAutoScalingServiceRoleToUseKeyForVolumes',
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
    resources: ['*'],
    conditions,
  }));
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowAutoScalingServiceRoleToGrantForVolumes',
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:CreateGrant'],
    resources: ['*'],
    conditions: { ...conditions, Bool: { 'kms:GrantIsForAWSResource': 'true' } },
  }));
}

export function autoScalingServiceRoleArn(stack: Stack): string {
  return `arn:${stack.partition}:iam::${stack.account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
}
