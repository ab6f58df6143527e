import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { CONFIG_KEY_PREFIX } from './config-recorder';
import { markAuditArchive } from '../../policies';
import { acknowledgeSingleRegion, createAccessLogsBucket } from '../common/access-logs-bucket';

export interface LogArchiveProps {
  /** Name of the archive bucket (other accounts' trails deliver to it by name). */
  readonly bucketName: string;
  /** Name of the bucket that receives the archive's S3 server access logs. */
  readonly accessLogsBucketName: string;
  /** Key that encrypts every object of the archive. */
  readonly key: kms.IKey;
  /**
   * Object Lock retention of every archived object.
   * @default - 2190 days (6 years, the HIPAA documentation retention)
   */
  readonly retention?: Duration;
  /**
   * Object Lock mode.
   * @default 'COMPLIANCE'
   */
  readonly objectLockMode?: 'COMPLIANCE' | 'GOVERNANCE';
  /**
   * Age at which objects move to S3 Standard-IA.
   * @default - 90 days
   */
  readonly infrequentAccessAfter?: Duration;
  /**
   * Age at which objects move to S3 Glacier Flexible Retrieval.
   * @default - 365 days
   */
  readonly glacierAfter?: Duration;
}

/**
 * The central log archive: a KMS-encrypted, versioned bucket with Object Lock (compliance mode by
 * default), TLS-only and owner-enforced, tiered to colder storage with age, whose server access logs go
 * to a separate access-log bucket. Writers are allowed explicitly with `allowCloudTrail` and `allowConfig`.
 */
export class LogArchive extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: LogArchiveProps) {
    super(scope, id);
    const retention = props.retention ?? Duration.days(2190);

    this.accessLogsBucket = createAccessLogsBucket(this, 'AccessLogs', { bucketName: props.accessLogsBucketName, retention });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: props.objectLockMode === 'GOVERNANCE' ? s3.ObjectLockRetention.governance(retention) : s3.ObjectLockRetention.compliance(retention),
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'log-archive/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'tier-old-logs',
          transitions: [
            { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: props.infrequentAccessAfter ?? Duration.days(90) },
            { storageClass: s3.StorageClass.GLACIER, transitionAfter: props.glacierAfter ?? Duration.days(365) },
          ],
          noncurrentVersionTransitions: [{ storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(30) }],
        },
      ],
    });

    for (const bucket of [this.bucket, this.accessLogsBucket]) acknowledgeSingleRegion(bucket, NO_REPLICATION_REASON);
    // The Paradigm pack checks Object Lock and versioning on the bucket it knows as the audit archive.
    markAuditArchive(this.bucket);
  }

  /**
   * Lets CloudTrail deliver the trails `trailArns` into `AWSLogs/<prefix>/` for every prefix (account
   * ids, or the organization id for an organization trail) and nothing else.
   */
  public allowCloudTrail(trailArns: readonly string[], prefixes: readonly string[]): void {
    const principal = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
    const sourceArn = { 'aws:SourceArn': [...trailArns] };
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailAclCheck',
      principals: [principal],
      actions: ['s3:GetBucketAcl'],
      resources: [this.bucket.bucketArn],
      conditions: { StringEquals: sourceArn },
    }));
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudTrailWrite',
      principals: [principal],
      actions: ['s3:PutObject'],
      resources: prefixes.map((p) => this.bucket.arnForObjects(`AWSLogs/${p}/*`)),
      conditions: { StringEquals: { ...sourceArn, 's3:x-amz-acl': 'bucket-owner-full-control' } },
    }));
  }

  /** Lets AWS Config of `account` deliver snapshots and history into `AWSConfig/AWSLogs/<account>/`. */
  public allowConfig(account: string): void {
    const principal = new iam.ServicePrincipal('config.amazonaws.com');
    const sourceAccount = { 'aws:SourceAccount': account };
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'ConfigAclCheck',
      principals: [principal],
      actions: ['s3:GetBucketAcl', 's3:ListBucket'],
      resources: [this.bucket.bucketArn],
      conditions: { StringEquals: sourceAccount },
    }));
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'ConfigWrite',
      principals: [principal],
      actions: ['s3:PutObject'],
      resources: [this.bucket.arnForObjects(`${CONFIG_KEY_PREFIX}/AWSLogs/${account}/Config/*`)],
      conditions: { StringEquals: { ...sourceAccount, 's3:x-amz-acl': 'bucket-owner-full-control' } },
    }));
  }

  /** The bucket policy resource, for ordering writers after it. */
  public get policy(): s3.BucketPolicy {
    const policy = this.bucket.policy;
    if (!policy) throw new Error(`${this.node.path} has no bucket policy yet. Fix: call allowCloudTrail or allowConfig first.`);
    return policy;
  }
}

const NO_REPLICATION_REASON =
  'Audit logs stay in the environment region (data residency of PHI-bearing logs); integrity and availability come from ' +
  'Object Lock in compliance mode, versioning and S3 eleven-nines durability, not from a cross-region copy.';
