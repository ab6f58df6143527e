import { Duration } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ArchiveKey } from './archive-key';
import { ConfigRecorder } from './config-recorder';
import { LogArchive } from './log-archive';
import { ACCOUNT_ROLES } from '../../accounts';
import { AccountTrail } from '../common/account-trail';
import { logArchiveBucketName, logArchiveKeyAlias, researchDataBucketName, trailArn, trailName } from '../common/platform-names';
import { PlatformStage, type PlatformStageProps } from '../common/platform-stage';
import { SecurityAlerts } from '../common/security-alerts';
import { PlatformStack } from '../common/stack';

/**
 * The audit account: the environment's locked log archive and its key, the CloudTrail trail that
 * records every account of the environment (an organization trail when the topology names an AWS
 * Organization, otherwise this account's trail plus AccountTrail in each other account), security
 * alarms on the trail's events, and AWS Config.
 */
export class AuditStage extends PlatformStage {
  public readonly stack: PlatformStack;
  public readonly archive: LogArchive;
  public readonly key: ArchiveKey;
  public readonly trail: AccountTrail;
  public readonly alerts: SecurityAlerts;
  public readonly config?: ConfigRecorder;

  constructor(scope: Construct, props: PlatformStageProps) {
    super(scope, 'audit', props);
    const env = props.environment;
    const settings = env.audit;
    const organization = props.topology.organization;
    this.stack = new PlatformStack(this, 'Audit', { environmentName: env.name, role: 'audit' });
    const partition = this.stack.partition;
    const auditAccount = env.accounts.audit.accountId;

    // An organization trail records every account from here; otherwise each account has its own trail.
    const trailRoles = organization ? (['audit'] as const) : ACCOUNT_ROLES;
    const trailArns = trailRoles.map((role) => trailArn(env, role, partition));
    const trailAccounts = organization ? [auditAccount] : ACCOUNT_ROLES.map((role) => env.accounts[role].accountId);

    this.key = new ArchiveKey(this.stack, 'ArchiveKey', {
      alias: logArchiveKeyAlias(env),
      environmentName: env.name,
      trailArns,
      trailAccounts,
      configAccount: settings.config.enabled ? auditAccount : undefined,
    });
    this.archive = new LogArchive(this.stack, 'LogArchive', {
      bucketName: logArchiveBucketName(env),
      accessLogsBucketName: `paradigm-${env.name}-access-logs-${auditAccount}`,
      key: this.key.key,
      retention: Duration.days(settings.archive.retentionDays),
      objectLockMode: settings.archive.objectLockMode,
      infrequentAccessAfter: Duration.days(settings.archive.infrequentAccessAfterDays),
      glacierAfter: Duration.days(settings.archive.glacierAfterDays),
    });
    // The organization trail writes under AWSLogs/<org id>/ (and the management prefix of this account).
    this.archive.allowCloudTrail(trailArns, organization ? [auditAccount, organization.id] : trailAccounts);
    if (settings.config.enabled) this.archive.allowConfig(auditAccount);

    const events = settings.trail.researchDataEvents;
    this.trail = new AccountTrail(this.stack, 'Trail', {
      trailName: trailName(env),
      environmentName: env.name,
      archiveBucketName: this.archive.bucket.bucketName,
      archiveKeyArn: this.key.key.keyArn,
      logGroupKey: this.key.key,
      logRetention: settings.trail.logRetentionDays as logs.RetentionDays,
      organizationTrail: organization !== undefined,
      // Research data lives in the workload account: an organization trail records it from here.
      dataEventBuckets: organization && events !== 'none' ? [researchDataBucketName(env)] : [],
      dataEventReadWrite: events === 'write-only' ? 'WriteOnly' : 'All',
    });
    this.trail.trail.node.addDependency(this.archive.policy, this.key.key);

    this.alerts = new SecurityAlerts(this.stack, 'SecurityAlerts', {
      environmentName: env.name,
      trailLogGroup: this.trail.logGroup,
      emails: settings.alerts.emails,
    });

    if (settings.config.enabled) {
      this.config = new ConfigRecorder(this.stack, 'Config', { environmentName: env.name, bucket: this.archive.bucket, key: this.key.key, rules: settings.config.rules });
      this.config.deliveryChannel.node.addDependency(this.archive.policy);
    }
  }
}
