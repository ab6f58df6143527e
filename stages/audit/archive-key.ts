import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { EncryptionKey } from '../common/encrypted-key';

export interface ArchiveKeyProps {
  /** Alias without `alias/`; other accounts' trails name the key by its alias ARN. */
  readonly alias: string;
  /** Name of the environment, used in the description. */
  readonly environmentName: string;
  /** ARNs of the trails allowed to encrypt log files with the key. */
  readonly trailArns: readonly string[];
  /** Accounts whose trails' encryption context (`aws:cloudtrail:arn`) the key accepts. */
  readonly trailAccounts: readonly string[];
  /**
   * Account whose AWS Config delivery channel may encrypt with the key.
   * @default - AWS Config may not use the key
   */
  readonly configAccount?: string;
}

/**
 * The archive key: rotation on, retained, and a key policy that grants CloudTrail (only for the
 * environment's trails and accounts) and, when enabled, AWS Config of the audit account. CloudWatch
 * Logs is granted per log group by the constructs that own the groups (AccountTrail). Administration
 * stays with the audit account (the CDK default statement), which delegates use through IAM.
 */
export class ArchiveKey extends Construct {
  public readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: ArchiveKeyProps) {
    super(scope, id);
    const partition = Stack.of(this).partition;
    this.key = new EncryptionKey(this, 'Key', {
      alias: props.alias,
      description: `Encrypts the ${props.environmentName} log archive (CloudTrail and AWS Config delivery)`,
    }).key;
    const cloudTrail = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
    const sourceArn = { 'aws:SourceArn': [...props.trailArns] };
    this.key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailEncryptLogFiles',
      principals: [cloudTrail],
      actions: ['kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringEquals: sourceArn,
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': props.trailAccounts.map((a) => `arn:${partition}:cloudtrail:*:${a}:trail/*`) },
      },
    }));
    this.key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailDescribeKey', principals: [cloudTrail], actions: ['kms:DescribeKey'], resources: ['*'], conditions: { StringEquals: sourceArn },
    }));
    if (props.configAccount) {
      this.key.addToResourcePolicy(new iam.PolicyStatement({
        sid: 'ConfigEncryptDelivery',
        principals: [new iam.ServicePrincipal('config.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': props.configAccount } },
      }));
    }
  }
}
