import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../common';

export interface LogArchiveProps {
  /** Key that encrypts every object of the archive. */
  readonly key: kms.IKey;
  /**
   * Object Lock retention (compliance mode) of every archived object.
   * @default - 2190 days (6 years, the HIPAA documentation retention)
   */
  readonly retention?: Duration;
}

/**
 * The central log archive: a KMS-encrypted, versioned bucket with Object Lock in compliance mode,
 * TLS-only and owner-enforced, whose server access logs go to a separate access-log bucket.
 */
export class LogArchive extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: LogArchiveProps) {
    super(scope, id);
    const retention = props.retention ?? Duration.days(2190);

    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      // S3 server access logging can only deliver to SSE-S3 encrypted buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: retention, noncurrentVersionExpiration: Duration.days(90) }],
    });
    for (const pack of ['HIPAA.Security', 'NIST.800.53.R5']) {
      acknowledge(this.accessLogsBucket, `${pack}::${pack}-S3DefaultEncryptionKMS`, 'S3 server access logging delivers only to buckets encrypted with SSE-S3 (AES-256); SSE-KMS destinations are not supported by the service.');
    }

    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(retention),
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'log-archive/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'tier-old-logs',
          transitions: [
            { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) },
            { storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(365) },
          ],
        },
      ],
    });

    for (const bucket of [this.bucket, this.accessLogsBucket]) {
      for (const pack of ['HIPAA.Security', 'NIST.800.53.R5']) {
        acknowledge(bucket, `${pack}::${pack}-S3BucketReplicationEnabled`, NO_REPLICATION_REASON);
      }
    }
  }
}

const NO_REPLICATION_REASON =
  'Audit logs stay in the environment region (data residency of PHI-bearing logs); integrity and availability come from ' +
  'Object Lock in compliance mode, versioning and S3 eleven-nines durability, not from a cross-region copy.';
