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
  /**
   * Evaluate the account against HIPAA_CONFIG_RULES.
   * @default true
   */
  readonly rules?: boolean;
}

/**
 * AWS managed Config rules evaluated in the audit account: the HIPAA Security Rule safeguards that
 * apply to it (audit controls, integrity, transmission security, access control), from the AWS
 * "Operational Best Practices for HIPAA Security" conformance pack.
 */
export const HIPAA_CONFIG_RULES: readonly string[] = [
  'CLOUD_TRAIL_ENABLED',
  'CLOUD_TRAIL_ENCRYPTION_ENABLED',
  'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED',
  'CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED',
  'CLOUDWATCH_LOG_GROUP_ENCRYPTED',
  'CMK_BACKING_KEY_ROTATION_ENABLED',
  'S3_BUCKET_SSL_REQUESTS_ONLY',
  'S3_BUCKET_PUBLIC_READ_PROHIBITED',
  'S3_BUCKET_PUBLIC_WRITE_PROHIBITED',
  'S3_BUCKET_VERSIONING_ENABLED',
  'S3_DEFAULT_ENCRYPTION_KMS',
  'ROOT_ACCOUNT_MFA_ENABLED',
  'IAM_ROOT_ACCESS_KEY_CHECK',
  'MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS',
];

/**
 * AWS Config recording every supported resource type (global ones included), delivering daily
 * snapshots into the log archive encrypted with the archive key, and evaluating HIPAA-style rules.
 */
export class ConfigRecorder extends Construct {
  public readonly recorder: config.CfnConfigurationRecorder;
  public readonly deliveryChannel: config.CfnDeliveryChannel;
  public readonly rules: readonly config.CfnConfigRule[];

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
    this.rules = (props.rules ?? true ? HIPAA_CONFIG_RULES : []).map((identifier) => {
      const rule = new config.CfnConfigRule(this, identifier, {
        configRuleName: `paradigm-${props.environmentName}-${identifier.toLowerCase().replace(/_/g, '-')}`,
        source: { owner: 'AWS', sourceIdentifier: identifier },
      });
      // A rule can only be created once the account records configuration.
      rule.node.addDependency(this.recorder);
      return rule;
    });
  }
}
