import * as config from 'aws-cdk-lib/aws-config';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../common/acknowledge';

export interface ConfigRecorderProps {
  /** Name of the environment, used in names. */
  readonly environmentName: string;
  /** Bucket that receives configuration snapshots and history (its policy must allow AWS Config). */
  readonly bucket: s3.IBucket;
  /** Key that encrypts the delivered files (its policy must allow AWS Config). */
  readonly key: kms.IKey;
}

/**
 * AWS Config recording every supported resource type (global ones included) and delivering daily
 * snapshots into the log archive, encrypted with the archive key.
 */
export class ConfigRecorder extends Construct {
  public readonly recorder: config.CfnConfigurationRecorder;
  public readonly deliveryChannel: config.CfnDeliveryChannel;

  constructor(scope: Construct, id: string, props: ConfigRecorderProps) {
    super(scope, id);
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('config.amazonaws.com'),
      description: `AWS Config recorder of ${props.environmentName}`,
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWS_ConfigRole')],
    });
    acknowledge(role, 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWS_ConfigRole]',
      'AWS_ConfigRole is the AWS-maintained read-only policy for recording every resource type; AWS updates it as services add types, which a hand-written copy would miss.');
    this.recorder = new config.CfnConfigurationRecorder(this, 'Recorder', {
      name: `paradigm-${props.environmentName}`,
      roleArn: role.roleArn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    });
    this.deliveryChannel = new config.CfnDeliveryChannel(this, 'DeliveryChannel', {
      name: `paradigm-${props.environmentName}`,
      s3BucketName: props.bucket.bucketName,
      s3KmsKeyArn: props.key.keyArn,
      configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
    });
  }
}
