import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeSingleRegion, createAccessLogsBucket } from '../common/access-logs-bucket';
import { acknowledge } from '../common/acknowledge';
import { EncryptionKey } from '../common/encrypted-key';

export interface DataExchangeProps {
  /** Name prefix of the key alias, e.g. `paradigm-dev-saas-bridge`. */
  readonly name: string;
  /**
   * How long server access logs are kept.
   * @default - 2190 days (6 years, the HIPAA documentation retention)
   */
  readonly accessLogRetention?: Duration;
  /**
   * How long overwritten or deleted object versions are kept before they expire.
   * @default - 365 days
   */
  readonly noncurrentVersionRetention?: Duration;
}

/**
 * The bucket through which Paradigm and its SaaS providers exchange files: encrypted with its own
 * KMS key, versioned, TLS-only, public access blocked, owner-enforced, retained on removal, with
 * server access logs in a separate bucket. Each provider gets one key prefix (see `providerPrefix`).
 */
export class DataExchange extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly accessLogsBucket: s3.Bucket;
  public readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: DataExchangeProps) {
    super(scope, id);
    this.key = new EncryptionKey(this, 'Key', {
      alias: `${props.name}/data-exchange`,
      description: `Encrypts the SaaS data-exchange bucket of ${props.name}`,
    }).key;

    this.accessLogsBucket = createAccessLogsBucket(this, 'AccessLogs', { retention: props.accessLogRetention });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      // With a bucket key, the KMS encryption context is the bucket ARN (used by the provider roles' conditions).
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'data-exchange/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-old-versions', noncurrentVersionExpiration: props.noncurrentVersionRetention ?? Duration.days(365) }],
    });

    acknowledge(this.bucket, 'cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check',
      'CT.S3.PR.9: exchanged files must be deletable when a provider contract ends (business associate agreement return-or-destroy clause); versioning keeps prior versions for the configured period instead.');
    for (const bucket of [this.bucket, this.accessLogsBucket]) acknowledgeSingleRegion(bucket, NO_REPLICATION_REASON);
  }
}

const NO_REPLICATION_REASON =
  'Files exchanged with SaaS providers stay in the environment region (data residency of PHI agreed in the business ' +
  'associate agreements); durability comes from versioning and S3 eleven-nines durability, not from a cross-region copy.';
