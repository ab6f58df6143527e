import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { EncryptionKey } from './encrypted-key';
import { logArchiveBucketName, logArchiveKeyAliasArn, researchDataBucketName, trailName } from './platform-names';
import { SecurityAlerts } from './security-alerts';
import type { AccountRole, EnvironmentConfig, Topology } from '../../accounts';

export interface AccountTrailProps {
  /** Name of the trail, the same in every account of the environment (the archive's bucket policy names it). */
  readonly trailName: string;
  /** Name of the environment, used in the log group and key names. */
  readonly environmentName: string;
  /** Name of the log archive bucket in the audit account. */
  readonly archiveBucketName: string;
  /** ARN of the archive key (or of its alias) in the audit account. */
  readonly archiveKeyArn: string;
  /**
   * Retention of the trail's CloudWatch Logs group.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Key of the CloudWatch Logs group; its policy is extended to let CloudWatch Logs use it for this group only.
   * @default - a new customer managed key with rotation
   */
  readonly logGroupKey?: kms.Key;
  /**
   * Record every account of the AWS Organization (the trail must live in the management account or the
   * CloudTrail delegated administrator account).
   * @default false
   */
  readonly organizationTrail?: boolean;
  /**
   * Buckets whose S3 object-level (data) events are recorded.
   * @default - none
   */
  readonly dataEventBuckets?: readonly string[];
  /**
   * Which data events are recorded for `dataEventBuckets`.
   * @default 'All'
   */
  readonly dataEventReadWrite?: 'All' | 'WriteOnly';
  /**
   * Alarm on the security events of the trail's log group and notify these addresses (see SecurityAlerts).
   * @default - no alarms
   */
  readonly securityAlerts?: { readonly emails: readonly string[] };
}

/**
 * A multi-region CloudTrail trail with log file validation that delivers into the environment's log
 * archive (a bucket and key of the audit account, named by ARN) and into a KMS-encrypted CloudWatch
 * Logs group of its own account. Instantiate it in every account of an environment that has no
 * organization trail: `AccountTrail.forAccount(stack, 'Trail', topology, environment, role)`.
 */
export class AccountTrail extends Construct {
  /**
   * The trail for `role`'s account of `environment`, or `undefined` when the topology names an AWS
   * Organization (the audit account's organization trail records every account then).
   */
  public static forAccount(
    scope: Construct, id: string, topology: Topology, environment: EnvironmentConfig, role: AccountRole,
  ): AccountTrail | undefined {
    if (topology.organization) return undefined;
    const events = environment.audit.trail.researchDataEvents;
    const partition = Stack.of(scope).partition;
    return new AccountTrail(scope, id, {
      trailName: trailName(environment),
      environmentName: environment.name,
      archiveBucketName: logArchiveBucketName(environment),
      archiveKeyArn: logArchiveKeyAliasArn(environment, partition),
      logRetention: environment.audit.trail.logRetentionDays as logs.RetentionDays,
      dataEventBuckets: role === 'workload' && events !== 'none' ? [researchDataBucketName(environment)] : [],
      dataEventReadWrite: events === 'write-only' ? 'WriteOnly' : 'All',
      // Each account alarms on its own events; the organization trail's alarms live in the audit account.
      securityAlerts: { emails: environment.audit.alerts.emails },
    });
  }

  public readonly trail: cloudtrail.CfnTrail;
  public readonly logGroup: logs.LogGroup;
  /** The alarms on this trail's security events, when `securityAlerts` is set. */
  public readonly alerts?: SecurityAlerts;

  constructor(scope: Construct, id: string, props: AccountTrailProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const logGroupName = `/paradigm/${props.environmentName}/cloudtrail`;
    const logGroupArn = stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const key = props.logGroupKey ?? new EncryptionKey(this, 'LogKey', {
      alias: `paradigm/${props.environmentName}/cloudtrail-logs`,
      description: `Encrypts the CloudTrail log group of ${props.environmentName}`,
    }).key;
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsForTheTrailLogGroup',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
    }));
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      logGroupName,
      encryptionKey: key,
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const trailArn = stack.formatArn({ service: 'cloudtrail', resource: 'trail', resourceName: props.trailName });
    const role = new iam.Role(this, 'LogsRole', {
      assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceArn': trailArn } } }),
      description: `Lets the trail ${props.trailName} write to ${logGroupName}`,
      managedPolicies: [
        new iam.ManagedPolicy(this, 'LogsDelivery', {
          statements: [new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn] })],
        }),
      ],
    });

    const buckets = props.dataEventBuckets ?? [];
    this.trail = new cloudtrail.CfnTrail(this, 'Trail', {
      trailName: props.trailName,
      isLogging: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      isOrganizationTrail: props.organizationTrail ?? false,
      s3BucketName: props.archiveBucketName,
      kmsKeyId: props.archiveKeyArn,
      cloudWatchLogsLogGroupArn: this.logGroup.logGroupArn,
      cloudWatchLogsRoleArn: role.roleArn,
      // Advanced selectors: management events stay complete (reads and writes) whatever the data event setting.
      advancedEventSelectors: buckets.length === 0 ? undefined : [
        { name: 'All management events', fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }] },
        {
          name: 'Research data object events',
          fieldSelectors: [
            { field: 'eventCategory', equalTo: ['Data'] },
            { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
            { field: 'resources.ARN', startsWith: buckets.map((b) => `arn:${stack.partition}:s3:::${b}/`) },
            ...(props.dataEventReadWrite === 'WriteOnly' ? [{ field: 'readOnly', equalTo: ['false'] }] : []),
          ],
        },
      ],
    });
    this.trail.node.addDependency(role);

    if (props.securityAlerts) {
      this.alerts = new SecurityAlerts(this, 'Alerts', { environmentName: props.environmentName, trailLogGroup: this.logGroup, emails: props.securityAlerts.emails });
    }
  }
}
