import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeAccessLogBucket } from '../common/access-logs';
import { acknowledge } from '../common/acknowledge';

export interface ResearchDataBucketProps {
  /** Key that encrypts every research object. */
  readonly key: kms.IKey;
  /**
   * How long noncurrent (overwritten or deleted) versions are kept.
   * @default - 365 days
   */
  readonly noncurrentVersionRetention?: Duration;
  /**
   * Retention of the server access logs.
   * @default - 2190 days (6 years, the HIPAA documentation retention)
   */
  readonly accessLogRetention?: Duration;
}

/**
 * The research data bucket: KMS (bucket key), versioned, public access blocked, TLS only, owner
 * enforced, retained, with lifecycle tiering and server access logs in a separate bucket.
 */
export class ResearchDataBucket extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ResearchDataBucketProps) {
    super(scope, id);
    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      // S3 server access logging delivers only to SSE-S3 encrypted buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{
        id: 'expire-access-logs',
        expiration: props.accessLogRetention ?? Duration.days(2190),
        noncurrentVersionExpiration: Duration.days(90),
      }],
    });
    acknowledgeAccessLogBucket(this.accessLogsBucket);
    for (const pack of ['HIPAA.Security', 'NIST.800.53.R5']) {
      acknowledge(this.accessLogsBucket, `${pack}::${pack}-S3DefaultEncryptionKMS`,
        'S3 server access logging delivers only to buckets encrypted with SSE-S3 (AES-256); SSE-KMS destinations are not supported by the service.');
    }

    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'research-data/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'tier-and-expire-old-versions',
          transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(30) }],
          noncurrentVersionTransitions: [{ storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(30) }],
          noncurrentVersionExpiration: props.noncurrentVersionRetention ?? Duration.days(365),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });

    acknowledge(this.bucket, 'cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check',
      'CT.S3.PR.9: research data must stay correctable and deletable (HIPAA 164.526 amendments, end-of-study deletion in data use agreements); versioning keeps 365 days of prior versions instead.');
    for (const bucket of [this.bucket, this.accessLogsBucket]) {
      for (const pack of ['HIPAA.Security', 'NIST.800.53.R5']) {
        acknowledge(bucket, `${pack}::${pack}-S3BucketReplicationEnabled`,
          'Research data (PHI) stays in the environment region for data residency; durability comes from versioning, retention and S3 eleven-nines storage, not a cross-region copy.');
      }
    }
  }
}
