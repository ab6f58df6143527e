import * as backup from 'aws-cdk-lib/aws-backup';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { AlertTopic } from './alert-topic';
import { AnalyticsWarehouse } from './analytics-warehouse';
import { DatabaseBackupPlan } from './backup-plan';
import { ComputeFleet } from './compute-fleet';
import { PrivateEndpoints } from './endpoints';
import { WorkloadKeys } from './keys';
import { KubernetesCluster } from './kubernetes-cluster';
import { EncryptedLogGroups } from './log-groups';
import { ResearchDataBucket } from './research-data-bucket';
import { ResearchDatabase } from './research-database';
import { WorkloadMonitoring } from './workload-monitoring';
import { AccountTrail } from '../common/account-trail';
import { researchDataBucketName } from '../common/platform-names';
import { PlatformStage, type PlatformStageProps } from '../common/platform-stage';
import { PrivateVpc } from '../common/private-vpc';
import { PlatformStack } from '../common/stack';
import { TransitAttachment } from '../common/transit-attachment';

/** Subnet groups of the workload ("Customer") VPC. */
export const WORKLOAD_SUBNETS = [
  { name: 'compute', cidrMask: 20 },
  { name: 'eks', cidrMask: 20 },
  { name: 'data', cidrMask: 24 },
  { name: 'transit', cidrMask: 28 },
] as const;

type SubnetGroup = (typeof WORKLOAD_SUBNETS)[number]['name'];
const subnets = (name: SubnetGroup): ec2.SubnetSelection => ({ subnetGroupName: name });

/** The workload account: the private "Customer VPC" and the services in it. */
export class WorkloadStage extends PlatformStage {
  public readonly stack: PlatformStack;
  public readonly network: PrivateVpc;
  public readonly keys: WorkloadKeys;
  public readonly endpoints: PrivateEndpoints;
  public readonly alerts: AlertTopic;
  public readonly compute: ComputeFleet;
  public readonly kubernetes: KubernetesCluster;
  public readonly database: ResearchDatabase;
  public readonly warehouse: AnalyticsWarehouse;
  public readonly backup: DatabaseBackupPlan;
  public readonly researchData: ResearchDataBucket;
  /** The attachment to the environment's Transit Gateway, with routes to on-premise and the SaaS bridge. */
  public readonly transit: TransitAttachment;
  /** This account's trail into the audit archive (none when an organization trail records it). */
  public readonly trail?: AccountTrail;
  public readonly monitoring: WorkloadMonitoring;
  /** Subnets reserved for the Transit Gateway attachment (one /28 per Availability Zone). */
  public readonly transitSubnets: ec2.SubnetSelection = subnets('transit');

  constructor(scope: Construct, props: PlatformStageProps) {
    super(scope, 'workload', props);
    const env = props.environment.name;
    const settings = props.environment.workload;
    const prefix = `paradigm-${env}-workload`;
    this.stack = new PlatformStack(this, 'Workload', { environmentName: env, role: 'workload' });
    this.network = new PrivateVpc(this.stack, 'Network', {
      name: prefix,
      availabilityZones: props.environment.accounts.workload.availabilityZones,
      cidr: props.environment.network.workloadVpcCidr,
      subnets: WORKLOAD_SUBNETS,
      flowLogRetention: settings.logRetentionDays as logs.RetentionDays,
    });
    const vpc = this.network.vpc;

    this.keys = new WorkloadKeys(this.stack, 'Keys', { prefix });
    const logGroups = new EncryptedLogGroups(this.stack, 'LogGroups', { key: this.keys.logs, retentionDays: settings.logRetentionDays });
    this.endpoints = new PrivateEndpoints(this.stack, 'Endpoints', { vpc, vpcCidr: props.environment.network.workloadVpcCidr, subnets: subnets('compute') });
    this.alerts = new AlertTopic(this.stack, 'Alerts', { topicName: `${prefix}-alerts`, key: this.keys.logs, emails: settings.alertEmails });

    this.compute = new ComputeFleet(this.stack, 'Compute', {
      vpc,
      subnets: subnets('compute'),
      ...settings.compute,
      volumeKey: this.keys.researchData,
      notifications: this.alerts.topic,
    });
    this.kubernetes = new KubernetesCluster(this.stack, 'Kubernetes', {
      vpc,
      subnets: subnets('eks'),
      clusterName: `paradigm-${env}-eks`,
      ...settings.eks,
      key: this.keys.eks,
      logGroups,
    });
    const clients = { 'the compute fleet': this.compute.securityGroup, 'the EKS nodes': this.kubernetes.cluster.clusterSecurityGroup };
    this.database = new ResearchDatabase(this.stack, 'Database', {
      vpc,
      subnets: subnets('data'),
      instanceIdentifier: `paradigm-${env}-research`,
      ...settings.database,
      key: this.keys.databases,
      logGroups,
      clients,
    });
    this.warehouse = new AnalyticsWarehouse(this.stack, 'Warehouse', {
      vpc,
      subnets: subnets('data'),
      clusterIdentifier: `paradigm-${env}-analytics`,
      ...settings.redshift,
      key: this.keys.databases,
      logGroups,
      clients,
    });
    this.backup = new DatabaseBackupPlan(this.stack, 'Backup', {
      name: prefix,
      key: this.keys.databases,
      resources: [backup.BackupResource.fromRdsDatabaseInstance(this.database.instance)],
    });
    this.researchData = new ResearchDataBucket(this.stack, 'ResearchData', { key: this.keys.researchData, bucketName: researchDataBucketName(props.environment) });
    this.transit = new TransitAttachment(this.stack, 'Transit', {
      environment: props.environment,
      segment: 'workload',
      vpc,
      attachmentSubnets: this.transitSubnets,
      // Every subnet that holds workloads routes to on-premise and the bridge; the transit subnets need only the local route.
      routedSubnets: { subnets: (['compute', 'eks', 'data'] as const).flatMap((g) => vpc.selectSubnets(subnets(g)).subnets) },
      destinationCidrs: [...props.topology.onPremiseCidrs, props.environment.network.saasBridgeVpcCidr],
    });
    this.trail = AccountTrail.forAccount(this.stack, 'Trail', props.topology, props.environment, 'workload');
    this.monitoring = new WorkloadMonitoring(this.stack, 'Monitoring', {
      dashboardName: prefix,
      topic: this.alerts.topic,
      autoScalingGroupName: this.compute.autoScalingGroup.autoScalingGroupName,
      computeMinCapacity: settings.compute.minCapacity,
      clusterName: this.kubernetes.cluster.clusterName,
      eksMinNodes: settings.eks.minCapacity,
      databaseIdentifier: this.database.instance.instanceIdentifier,
      databaseStorageGiB: settings.database.allocatedStorageGiB,
      databaseConnectionsThreshold: settings.database.connectionsAlarmThreshold,
      redshiftClusterIdentifier: this.warehouse.cluster.ref,
    });
  }
}
