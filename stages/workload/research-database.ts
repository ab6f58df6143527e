import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';
import type { EncryptedLogGroups } from './log-groups';
import { PropsCheck } from './props-check';
import { acknowledge } from '../common/acknowledge';

export interface ResearchDatabaseProps {
  readonly vpc: ec2.IVpc;
  /** Subnets of the DB subnet group (the `data` group). */
  readonly subnets: ec2.SubnetSelection;
  /** DB instance identifier; also names its log groups `/aws/rds/instance/<id>/…`. */
  readonly instanceIdentifier: string;
  /** Instance class, e.g. `db.r7g.large`. */
  readonly instanceClass: string;
  readonly allocatedStorageGiB: number;
  readonly maxAllocatedStorageGiB: number;
  /** Automated backup retention in days (7–35). */
  readonly backupRetentionDays: number;
  /** Key for storage, Performance Insights and the managed master secret. */
  readonly key: kms.IKey;
  readonly logGroups: EncryptedLogGroups;
  /** Security groups, by a name used in rule descriptions, whose members may connect on 5432 (compute fleet, EKS nodes). */
  readonly clients: Readonly<Record<string, ec2.ISecurityGroup>>;
  /**
   * Database engine version.
   * @default - PostgreSQL 17 (latest minor, upgraded automatically)
   */
  readonly engineVersion?: rds.PostgresEngineVersion;
}

export const POSTGRES_PORT = 5432;
export const POSTGRES_LOG_EXPORTS = ['postgresql', 'upgrade'];

/**
 * RDS PostgreSQL, Multi-AZ in the data subnets: KMS-encrypted storage and Performance Insights,
 * TLS forced by the parameter group, IAM authentication, 35-day backups by default, enhanced
 * monitoring, log exports into encrypted log groups, deletion protection and a final snapshot.
 *
 * The master password is managed by RDS in Secrets Manager (`manageMasterUserPassword`): RDS rotates
 * it natively, so no rotation Lambda needs a network path to the Secrets Manager endpoint.
 */
export class ResearchDatabase extends Construct {
  public readonly securityGroup: ec2.SecurityGroup;
  public readonly instance: rds.DatabaseInstance;

  constructor(scope: Construct, id: string, props: ResearchDatabaseProps) {
    super(scope, id);
    new PropsCheck(this)
      .range('allocatedStorageGiB', props.allocatedStorageGiB, 20, 65536)
      .ordered('allocatedStorageGiB', props.allocatedStorageGiB, 'maxAllocatedStorageGiB', props.maxAllocatedStorageGiB)
      .range('backupRetentionDays', props.backupRetentionDays, 7, 35)
      .expect(Object.keys(props.clients).length > 0, 'clients is empty, so nothing could reach the database. Fix: name the security groups of the database clients.')
      .done();
    const engine = rds.DatabaseInstanceEngine.postgres({ version: props.engineVersion ?? rds.PostgresEngineVersion.VER_17 });

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'PostgreSQL: 5432 from the compute fleet and EKS nodes only',
      allowAllOutbound: false,
    });
    for (const [name, client] of Object.entries(props.clients)) {
      this.securityGroup.addIngressRule(client, ec2.Port.tcp(POSTGRES_PORT), `PostgreSQL from ${name}`);
    }

    const parameterGroup = new rds.ParameterGroup(this, 'Parameters', {
      engine,
      description: 'Forces TLS and logs connections',
      parameters: { 'rds.force_ssl': '1', 'log_connections': '1', 'log_disconnections': '1' },
    });

    const logGroups = POSTGRES_LOG_EXPORTS.map((type) =>
      props.logGroups.create(this, `Logs-${type}`, `/aws/rds/instance/${props.instanceIdentifier}/${type}`));
    // Enhanced monitoring writes to the account-wide RDSOSMetrics group: create it encrypted and with retention.
    logGroups.push(props.logGroups.create(this, 'EnhancedMonitoringLogs', 'RDSOSMetrics'));

    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      engine,
      instanceIdentifier: props.instanceIdentifier,
      instanceType: new ec2.InstanceType(props.instanceClass.replace(/^db\./, '')),
      vpc: props.vpc,
      vpcSubnets: props.subnets,
      securityGroups: [this.securityGroup],
      port: POSTGRES_PORT,
      multiAz: true,
      publiclyAccessible: false,
      storageType: rds.StorageType.GP3,
      allocatedStorage: props.allocatedStorageGiB,
      maxAllocatedStorage: props.maxAllocatedStorageGiB,
      storageEncrypted: true,
      storageEncryptionKey: props.key,
      credentials: rds.Credentials.fromUsername('paradigm_admin', { encryptionKey: props.key }),
      manageMasterUserPassword: true,
      iamAuthentication: true,
      parameterGroup,
      backupRetention: Duration.days(props.backupRetentionDays),
      preferredBackupWindow: '03:00-04:00',
      preferredMaintenanceWindow: 'sun:04:30-sun:05:30',
      copyTagsToSnapshot: true,
      deleteAutomatedBackups: false,
      autoMinorVersionUpgrade: true,
      monitoringInterval: Duration.seconds(60),
      enablePerformanceInsights: true,
      performanceInsightEncryptionKey: props.key,
      performanceInsightRetention: rds.PerformanceInsightRetention.DEFAULT,
      cloudwatchLogsExports: POSTGRES_LOG_EXPORTS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });
    for (const group of logGroups) this.instance.node.addDependency(group);

    for (const ruleId of ['AwsSolutions::AwsSolutions-RDS11', 'cdk-validator-cfnguard::rds_instance_no_default_ports_check']) {
      acknowledge(this.instance, ruleId,
        'PostgreSQL keeps its standard port 5432 as the issue and the on-premise firewall plan specify; access is limited by security group to the compute and EKS groups, so a non-standard port adds no protection.');
    }
    const monitoringRole = this.instance.node.tryFindChild('MonitoringRole');
    if (monitoringRole) {
      acknowledge(monitoringRole, 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole]',
        'AmazonRDSEnhancedMonitoringRole is the AWS-maintained policy that lets RDS write OS metrics to RDSOSMetrics, and nothing else.');
    }
  }
}
