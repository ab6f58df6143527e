import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { acknowledge } from '../common/acknowledge';

export interface DatabaseBackupPlanProps {
  /** Name of the vault and plan, e.g. `paradigm-dev-workload`. */
  readonly name: string;
  /** Key that encrypts the recovery points in the vault. */
  readonly key: kms.IKey;
  /** Resources to back up (by ARN-bearing constructs). */
  readonly resources: readonly backup.BackupResource[];
  /**
   * How long daily recovery points are kept.
   * @default - 35 days
   */
  readonly dailyRetention?: Duration;
  /**
   * How long monthly recovery points are kept.
   * @default - 2190 days (6 years, the HIPAA documentation retention)
   */
  readonly monthlyRetention?: Duration;
}

/**
 * AWS Backup for the databases, on top of their own automated backups: a retained vault encrypted
 * with the databases key, daily recovery points (35 days) and monthly ones (6 years, cold storage
 * after 90 days), so that a point-in-time copy survives even the deletion of the instance.
 */
export class DatabaseBackupPlan extends Construct {
  public readonly vault: backup.BackupVault;
  public readonly plan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: DatabaseBackupPlanProps) {
    super(scope, id);
    this.vault = new backup.BackupVault(this, 'Vault', {
      backupVaultName: `${props.name}-databases`,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.plan = new backup.BackupPlan(this, 'Plan', {
      backupPlanName: `${props.name}-databases`,
      backupVault: this.vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'daily',
          scheduleExpression: events.Schedule.cron({ hour: '5', minute: '0' }),
          deleteAfter: props.dailyRetention ?? Duration.days(35),
        }),
        new backup.BackupPlanRule({
          ruleName: 'monthly',
          scheduleExpression: events.Schedule.cron({ day: '1', hour: '6', minute: '0' }),
          moveToColdStorageAfter: Duration.days(90),
          deleteAfter: props.monthlyRetention ?? Duration.days(2190),
        }),
      ],
    });
    const selection = this.plan.addSelection('Databases', { resources: [...props.resources], allowRestores: false });
    acknowledge(selection, 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      'AWSBackupServiceRolePolicyForBackup is the AWS-maintained policy AWS Backup needs to snapshot the selected databases; AWS updates it with the service.');
  }
}
