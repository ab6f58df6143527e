import { type CfnElement, CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { EXTERNAL_ID_RE } from '../../accounts';
import { acknowledge } from '../common/acknowledge';

export type InboundAccess = 'read' | 'write' | 'read-write';

export interface ProviderInboundRoleProps {
  /** Name of the role (the provider needs its ARN). */
  readonly roleName: string;
  /** Provider name, used in descriptions. */
  readonly providerName: string;
  /** The provider's AWS account. */
  readonly providerAccountId: string;
  /**
   * The one role of the provider that may assume this role.
   * @default - any principal of the provider's account that its own IAM allows
   */
  readonly principalArn?: string;
  /** External id the provider must present (`sts:ExternalId`). */
  readonly externalId: string;
  /** The data-exchange bucket (defined in the same stack). */
  readonly bucket: s3.Bucket;
  /** The key of the data-exchange bucket. */
  readonly key: kms.IKey;
  /** Key prefix of this provider in the bucket, ending with `/`. */
  readonly prefix: string;
  /**
   * What the provider may do in its prefix.
   * @default 'read-write'
   */
  readonly access?: InboundAccess;
}

/**
 * The role a SaaS provider assumes to exchange files with Paradigm: trust pinned to the provider's
 * account (or one of its roles) and requiring the agreed external id; permissions only on the
 * provider's prefix of the data-exchange bucket and on its key, through S3.
 */
export class ProviderInboundRole extends Construct {
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ProviderInboundRoleProps) {
    super(scope, id);
    const problems: string[] = [];
    if (!props.prefix.endsWith('/')) problems.push(`prefix "${props.prefix}" does not end with "/". Fix: pass a folder prefix such as "providers/${props.providerName}/".`);
    if (!EXTERNAL_ID_RE.test(props.externalId)) problems.push(`external id ${JSON.stringify(props.externalId)} breaks the STS rules. Fix: use 2–1224 characters of [\\w+=,.@:/-].`);
    const principalAccount = props.principalArn?.split(':')[4];
    if (principalAccount !== undefined && principalAccount !== props.providerAccountId) {
      problems.push(`principal ${props.principalArn} is not in the provider's account ${props.providerAccountId}. Fix: name a role of the provider's account, or omit principalArn.`);
    }
    if (problems.length > 0) throw new Error(`ProviderInboundRole ${this.node.path}: ${problems.join(' ')}`);
    const access = props.access ?? 'read-write';
    const read = access !== 'write';
    const write = access !== 'read';
    const objects = props.bucket.arnForObjects(`${props.prefix}*`);

    const statements = [
      new iam.PolicyStatement({
        sid: 'ListOwnPrefix',
        actions: ['s3:ListBucket'],
        resources: [props.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [props.prefix, `${props.prefix}*`] } },
      }),
      new iam.PolicyStatement({
        sid: 'ObjectsOfOwnPrefix',
        actions: [
          ...(read ? ['s3:GetObject', 's3:GetObjectVersion'] : []),
          ...(write ? ['s3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'] : []),
        ],
        resources: [objects],
      }),
      new iam.PolicyStatement({
        sid: 'BucketKeyThroughS3Only',
        // Writing needs a data key; multipart uploads and reads need Decrypt.
        actions: [...(write ? ['kms:GenerateDataKey'] : []), 'kms:Decrypt'],
        resources: [props.key.keyArn],
        conditions: {
          StringEquals: {
            'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com`,
            'kms:EncryptionContext:aws:s3:arn': props.bucket.bucketArn,
          },
        },
      }),
    ];

    const policy = new iam.ManagedPolicy(this, 'Access', { description: `Data exchange of ${props.providerName}`, statements });
    const bucketId = Stack.of(this).getLogicalId(props.bucket.node.defaultChild as CfnElement);
    acknowledge(policy, `AwsSolutions::AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${props.prefix}*]`,
      `Objects are addressed by key: the wildcard covers only the keys under ${props.prefix}, the provider's own folder of the data-exchange bucket.`);

    const principal = props.principalArn ? new iam.ArnPrincipal(props.principalArn) : new iam.AccountPrincipal(props.providerAccountId);
    this.role = new iam.Role(this, 'Role', {
      roleName: props.roleName,
      description: `Assumed by SaaS provider ${props.providerName} (external id required) to ${access} files under ${props.prefix}`,
      assumedBy: principal,
      externalIds: [props.externalId],
      maxSessionDuration: Duration.hours(1),
      managedPolicies: [policy],
    });
    new CfnOutput(this, 'RoleArn', { description: `Give this ARN to ${props.providerName}, with its external id`, value: this.role.roleArn });
  }
}
