import { ArnFormat, Lazy, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface EncryptedLogGroupsProps {
  /** Key that encrypts every log group created through this construct. */
  readonly key: kms.Key;
  /** Retention of every log group, in days (one of the values CloudWatch Logs accepts). */
  readonly retentionDays: number;
}

/**
 * Creates the log groups of the workload account before the services that write to them, so that
 * none is created by a service unencrypted or without retention. Every group is encrypted with one
 * KMS key whose policy lets CloudWatch Logs use it for exactly these log groups, and retained.
 */
export class EncryptedLogGroups extends Construct {
  private readonly arns: string[] = [];

  constructor(scope: Construct, id: string, private readonly props: EncryptedLogGroupsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    props.key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsForTheWorkloadLogGroupsOnly',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': Lazy.list({ produce: () => this.arns }) } },
    }));
  }

  /** Creates the log group `name` (a service's fixed name, e.g. `/aws/eks/<cluster>/cluster`) under `scope`. */
  public create(scope: Construct, id: string, logGroupName: string): logs.LogGroup {
    const stack = Stack.of(this);
    this.arns.push(stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }));
    return new logs.LogGroup(scope, id, {
      logGroupName,
      encryptionKey: this.props.key,
      retention: this.props.retentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
