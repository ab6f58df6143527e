import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { AUDIT_ARCHIVE_TAG } from '../../paradigm/markers';
import { templateProperties } from '../../paradigm/resolve';
import type { ParadigmRule } from '../../paradigm/rule';

interface BucketProps {
  readonly Tags?: readonly { Key: unknown; Value: unknown }[];
  readonly ObjectLockEnabled?: unknown;
  readonly ObjectLockConfiguration?: { ObjectLockEnabled?: unknown; Rule?: { DefaultRetention?: { Mode?: unknown } } };
  readonly VersioningConfiguration?: { Status?: unknown };
}

/** The audit archive is the bucket tagged `paradigm:data-role` = `audit-archive` (see `markAuditArchive`). */
export const AuditArchiveObjectLock: ParadigmRule = {
  name: 'AuditArchiveObjectLock',
  info: 'The audit archive bucket lacks versioning, Object Lock, or a default retention in COMPLIANCE mode.',
  explanation: 'Audit logs are evidence (HIPAA 164.312(b)); Object Lock in compliance mode with versioning makes them immutable for the retention period, even for the account root.',
  level: NagMessageLevel.ERROR,
  hipaa: ['164.312(b)', '164.312(c)(1)', '164.316(b)(2)(i)'],
  check: (node) => {
    if (node.cfnResourceType !== 'AWS::S3::Bucket') return NagRuleCompliance.NOT_APPLICABLE;
    const props = templateProperties(node) as BucketProps;
    const archive = (props.Tags ?? []).some((t) => t.Key === AUDIT_ARCHIVE_TAG.key && t.Value === AUDIT_ARCHIVE_TAG.value);
    if (!archive) return NagRuleCompliance.NOT_APPLICABLE;
    const locked = props.ObjectLockEnabled === true && props.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled'
      && props.ObjectLockConfiguration.Rule?.DefaultRetention?.Mode === 'COMPLIANCE';
    return locked && props.VersioningConfiguration?.Status === 'Enabled' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
