import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { EncryptionKey } from '../common/encrypted-key';

export interface TransitFlowLogProps {
  /** Name of the environment, used in the log group and key names. */
  readonly environmentName: string;
  /** The Transit Gateway whose traffic is recorded. */
  readonly transitGatewayId: string;
  /**
   * Retention of the flow log group.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly retention?: logs.RetentionDays;
}

/** Transit Gateway flow logs into a CloudWatch Logs group encrypted with its own KMS key, with retention. */
export class TransitFlowLog extends Construct {
  public readonly logGroup: logs.LogGroup;
  public readonly flowLog: ec2.CfnFlowLog;

  constructor(scope: Construct, id: string, props: TransitFlowLogProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const logGroupName = `/paradigm/${props.environmentName}/transit-gateway/flow-logs`;
    const key = new EncryptionKey(this, 'Key', {
      alias: `paradigm/${props.environmentName}/tgw-flow-logs`,
      description: `Encrypts the Transit Gateway flow logs of ${props.environmentName}`,
    }).key;
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsForThisLogGroupOnly',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
      },
    }));
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      logGroupName,
      encryptionKey: key,
      retention: props.retention ?? logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
      description: `Delivers the Transit Gateway flow logs of ${props.environmentName} to ${logGroupName}`,
      managedPolicies: [
        new iam.ManagedPolicy(this, 'Delivery', {
          statements: [new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], resources: [this.logGroup.logGroupArn] })],
        }),
      ],
    });
    this.flowLog = new ec2.CfnFlowLog(this, 'FlowLog', {
      resourceType: 'TransitGateway',
      resourceId: props.transitGatewayId,
      logDestinationType: 'cloud-watch-logs',
      logGroupName: this.logGroup.logGroupName,
      deliverLogsPermissionArn: role.roleArn,
      // Transit Gateway flow logs support only the one-minute aggregation interval.
      maxAggregationInterval: 60,
    });
  }
}
