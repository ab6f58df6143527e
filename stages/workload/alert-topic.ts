import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { autoScalingServiceRoleArn } from './keys';
import { allowAlarmsToPublish } from '../common/alarm-publishing';

export interface AlertTopicProps {
  /** Name of the topic, e.g. `paradigm-dev-workload-alerts`. */
  readonly topicName: string;
  /** Key that encrypts messages at rest; its policy is extended for CloudWatch alarms and Auto Scaling. */
  readonly key: kms.Key;
  /**
   * E-mail addresses subscribed to the topic (each confirms its subscription).
   * @default - none
   */
  readonly emails?: readonly string[];
}

/**
 * The alert topic of the workload account: KMS-encrypted, TLS-only publishing (topic policy), with
 * the e-mail subscriptions of the topology. CloudWatch alarms and Auto Scaling notifications publish
 * to it, so the topic policy and the key let exactly those two publishers of this account in.
 */
export class AlertTopic extends Construct {
  public readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.topic = new sns.Topic(this, 'Topic', {
      topicName: props.topicName,
      displayName: `Paradigm alerts (${props.topicName})`,
      masterKey: props.key,
      enforceSSL: true,
    });
    for (const email of props.emails ?? []) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    }

    props.key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchAlarmsToPublishToTheAlertTopic',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }));
    allowAlarmsToPublish(this.topic);
    props.key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowAutoScalingToPublishToTheAlertTopic',
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringEquals: { 'kms:CallerAccount': stack.account, 'kms:ViaService': `sns.${stack.region}.amazonaws.com` },
        ArnEquals: { 'aws:PrincipalArn': autoScalingServiceRoleArn(stack) },
      },
    }));
  }
}
