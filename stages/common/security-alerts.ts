import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { allowAlarmsToPublish } from './alarm-publishing';
import { EncryptionKey } from './encrypted-key';

/** The security events watched in the trail's log group (CIS AWS Foundations monitoring controls). */
export const SECURITY_EVENTS: Readonly<Record<string, { readonly description: string; readonly pattern: string }>> = {
  RootUsage: {
    description: 'The root user was used',
    pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  },
  UnauthorizedApiCalls: {
    description: 'An API call was denied',
    pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  },
  ConsoleSignInWithoutMfa: {
    description: 'A console sign-in succeeded without MFA',
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  },
  IamPolicyChanges: {
    description: 'An IAM policy changed',
    pattern: eventNames(['DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy', 'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'SetDefaultPolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy']),
  },
  CloudTrailChanges: {
    description: 'A trail was created, changed, stopped or deleted',
    pattern: eventNames(['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging', 'PutEventSelectors']),
  },
  KmsKeyDisabledOrDeleted: {
    description: 'A customer managed KMS key was disabled or scheduled for deletion',
    pattern: '{ ($.eventSource = "kms.amazonaws.com") && (($.eventName = "DisableKey") || ($.eventName = "ScheduleKeyDeletion")) }',
  },
  SecurityGroupChanges: {
    description: 'A security group changed',
    pattern: eventNames(['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup', 'ModifySecurityGroupRules']),
  },
  NetworkAclChanges: {
    description: 'A network ACL changed',
    pattern: eventNames(['CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation']),
  },
  RouteTableChanges: {
    description: 'A VPC route table changed',
    pattern: eventNames(['CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable']),
  },
  TransitGatewayChanges: {
    description: 'The Transit Gateway, its attachments, route tables or routes changed',
    pattern: eventNames([
      'CreateTransitGateway', 'DeleteTransitGateway', 'ModifyTransitGateway', 'CreateTransitGatewayVpcAttachment', 'DeleteTransitGatewayVpcAttachment',
      'AcceptTransitGatewayVpcAttachment', 'CreateTransitGatewayRouteTable', 'DeleteTransitGatewayRouteTable', 'CreateTransitGatewayRoute', 'DeleteTransitGatewayRoute',
      'ReplaceTransitGatewayRoute', 'AssociateTransitGatewayRouteTable', 'DisassociateTransitGatewayRouteTable',
      'EnableTransitGatewayRouteTablePropagation', 'DisableTransitGatewayRouteTablePropagation',
    ]),
  },
};

function eventNames(names: readonly string[]): string {
  return `{ ${names.map((n) => `($.eventName = "${n}")`).join(' || ')} }`;
}

export interface SecurityAlertsProps {
  /** Name of the environment, used in names and the metric namespace. */
  readonly environmentName: string;
  /** CloudWatch Logs group that receives the trail's events. */
  readonly trailLogGroup: logs.ILogGroup;
  /**
   * E-mail addresses subscribed to the alert topic.
   * @default - no subscription (subscribe through the topic ARN)
   */
  readonly emails?: readonly string[];
}

/**
 * A KMS-encrypted, TLS-only SNS topic and one metric filter plus alarm per security event, evaluated
 * every five minutes on the trail's log group.
 */
export class SecurityAlerts extends Construct {
  public readonly topic: sns.Topic;
  public readonly alarms: Readonly<Record<string, cloudwatch.Alarm>>;

  constructor(scope: Construct, id: string, props: SecurityAlertsProps) {
    super(scope, id);
    const key = new EncryptionKey(this, 'TopicKey', {
      alias: `paradigm/${props.environmentName}/security-alerts`,
      description: `Encrypts the ${props.environmentName} security alert topic`,
    }).key;
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchAlarmsOfThisAccount',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
    }));
    this.topic = new sns.Topic(this, 'Topic', {
      topicName: `paradigm-${props.environmentName}-security-alerts`,
      displayName: `Paradigm ${props.environmentName} security alerts`,
      masterKey: key,
      enforceSSL: true,
    });
    allowAlarmsToPublish(this.topic);
    for (const email of props.emails ?? []) this.topic.addSubscription(new subscriptions.EmailSubscription(email));

    const namespace = `Paradigm/${props.environmentName}/Security`;
    const alarms: Record<string, cloudwatch.Alarm> = {};
    for (const [name, event] of Object.entries(SECURITY_EVENTS)) {
      const filter = new logs.MetricFilter(this, `${name}Filter`, {
        logGroup: props.trailLogGroup,
        filterPattern: logs.FilterPattern.literal(event.pattern),
        metricNamespace: namespace,
        metricName: name,
        metricValue: '1',
      });
      const alarm = new cloudwatch.Alarm(this, `${name}Alarm`, {
        alarmName: `paradigm-${props.environmentName}-${name}`,
        alarmDescription: `${event.description} (from the ${props.environmentName} trail).`,
        metric: filter.metric({ statistic: 'Sum', period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(new actions.SnsAction(this.topic));
      alarms[name] = alarm;
    }
    this.alarms = alarms;
  }
}
