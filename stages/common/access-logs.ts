import type { IConstruct } from 'constructs';
import { acknowledge } from './acknowledge';

/** The Control Tower validator's namespace (its plugin name). */
const CONTROL_TOWER = 'cdk-validator-cfnguard';

/**
 * Acknowledges, on an S3 server access log bucket, the Control Tower controls that such a bucket cannot meet.
 * Used by every construct that creates an access-log bucket.
 */
export function acknowledgeAccessLogBucket(bucket: IConstruct): void {
  acknowledge(bucket, `${CONTROL_TOWER}::s3_bucket_default_encryption_kms_check`,
    'CT.S3.PR.10: S3 server access logging delivers only to buckets encrypted with SSE-S3 (AES-256); SSE-KMS destinations are not supported by the service.');
  acknowledge(bucket, `${CONTROL_TOWER}::s3_bucket_logging_enabled_check`,
    'CT.S3.PR.2: this bucket is the server access log destination itself; logging it into itself would loop, and reads of it are recorded by CloudTrail.');
  acknowledge(bucket, `${CONTROL_TOWER}::s3_bucket_object_lock_enabled_check`,
    'CT.S3.PR.9: S3 does not deliver server access logs to a destination bucket with an Object Lock default retention; the bucket is versioned, retained on stack deletion and expires logs by lifecycle.');
}
