/** Marks that stages put on resources so that rules can recognise them. */
import { Tags } from 'aws-cdk-lib';
import { type IConstruct } from 'constructs';

/** The tag that names the audit log archive bucket (checked by `Paradigm-AuditArchiveObjectLock`). */
export const AUDIT_ARCHIVE_TAG = { key: 'paradigm:data-role', value: 'audit-archive' } as const;

/** Tags `bucket` as the audit archive, so that the pack requires Object Lock and versioning on it. */
export function markAuditArchive(bucket: IConstruct): void {
  Tags.of(bucket).add(AUDIT_ARCHIVE_TAG.key, AUDIT_ARCHIVE_TAG.value);
}
