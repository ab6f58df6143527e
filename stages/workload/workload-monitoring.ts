import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface WorkloadMonitoringProps {
  /** Name of the dashboard, e.g. `paradigm-dev-workload`. */
  readonly dashboardName: string;
  /** Every alarm notifies this topic when it fires and when it recovers. */
  readonly topic: sns.ITopic;
  readonly autoScalingGroupName: string;
  /** In-service instances below this raise the fleet health alarm (the group's minimum). */
  readonly computeMinCapacity: number;
  readonly clusterName: string;
  /** Nodes below this raise the node count alarm (the node group's minimum). */
  readonly eksMinNodes: number;
  readonly databaseIdentifier: string;
  /** Allocated storage, to alarm when less than 10% is free. */
  readonly databaseStorageGiB: number;
  readonly databaseConnectionsThreshold: number;
  readonly redshiftClusterIdentifier: string;
  /**
   * Thresholds in percent for CPU (RDS) and disk use (Redshift).
   * @default - 80
   */
  readonly utilizationThresholdPercent?: number;
}

const FIVE_MINUTES = Duration.minutes(5);
const ONE_MINUTE = Duration.minutes(1);

/**
 * The workload dashboard (compute fleet, EKS, PostgreSQL, Redshift) and its alarms, each of which
 * notifies the alert topic on ALARM and OK. Missing data on health metrics counts as breaching.
 */
export class WorkloadMonitoring extends Construct {
  public readonly dashboard: cloudwatch.Dashboard;
  public readonly alarms: Readonly<Record<string, cloudwatch.Alarm>>;

  constructor(scope: Construct, id: string, props: WorkloadMonitoringProps) {
    super(scope, id);
    const busy = props.utilizationThresholdPercent ?? 80;
    const m = (namespace: string, metricName: string, dimensionsMap: Record<string, string>, statistic: string, period = FIVE_MINUTES) =>
      new cloudwatch.Metric({ namespace, metricName, dimensionsMap, statistic, period });
    const asg = { AutoScalingGroupName: props.autoScalingGroupName };
    const eks = { ClusterName: props.clusterName };
    const db = { DBInstanceIdentifier: props.databaseIdentifier };
    const rs = { ClusterIdentifier: props.redshiftClusterIdentifier };

    const metrics = {
      fleetInService: m('AWS/AutoScaling', 'GroupInServiceInstances', asg, 'Minimum', ONE_MINUTE),
      fleetCpu: m('AWS/EC2', 'CPUUtilization', asg, 'Average'),
      eksNodes: m('ContainerInsights', 'cluster_node_count', eks, 'Minimum', ONE_MINUTE),
      eksFailedNodes: m('ContainerInsights', 'cluster_failed_node_count', eks, 'Maximum', ONE_MINUTE),
      eksNodeCpu: m('ContainerInsights', 'node_cpu_utilization', eks, 'Average'),
      dbCpu: m('AWS/RDS', 'CPUUtilization', db, 'Average'),
      dbFreeStorage: m('AWS/RDS', 'FreeStorageSpace', db, 'Minimum'),
      dbConnections: m('AWS/RDS', 'DatabaseConnections', db, 'Maximum'),
      rsHealth: m('AWS/Redshift', 'HealthStatus', rs, 'Minimum', ONE_MINUTE),
      rsDisk: m('AWS/Redshift', 'PercentageDiskSpaceUsed', rs, 'Maximum'),
      rsCpu: m('AWS/Redshift', 'CPUUtilization', rs, 'Average'),
    };

    const below = cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD;
    const above = cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD;
    const breaching = cloudwatch.TreatMissingData.BREACHING;
    const specs: Record<string, [cloudwatch.Metric, cloudwatch.ComparisonOperator, number, number, string, cloudwatch.TreatMissingData?]> = {
      FleetInstanceHealth: [metrics.fleetInService, below, props.computeMinCapacity, 3, `Fewer than ${props.computeMinCapacity} healthy compute instances in service`, breaching],
      EksNodeCount: [metrics.eksNodes, below, props.eksMinNodes, 5, `Fewer than ${props.eksMinNodes} EKS nodes reported`, breaching],
      EksFailedNodes: [metrics.eksFailedNodes, above, 0, 3, 'At least one EKS node is not Ready'],
      DatabaseCpu: [metrics.dbCpu, above, busy, 3, `PostgreSQL CPU above ${busy}% for 15 minutes`],
      DatabaseFreeStorage: [metrics.dbFreeStorage, below, props.databaseStorageGiB * 0.1 * 1024 ** 3, 2, 'PostgreSQL has less than 10% of its allocated storage free'],
      DatabaseConnections: [metrics.dbConnections, above, props.databaseConnectionsThreshold, 3, `PostgreSQL has more than ${props.databaseConnectionsThreshold} connections`],
      RedshiftHealth: [metrics.rsHealth, below, 1, 3, 'Redshift reports an unhealthy cluster', breaching],
      RedshiftDisk: [metrics.rsDisk, above, busy, 2, `Redshift disk use above ${busy}%`],
    };
    const alarms: Record<string, cloudwatch.Alarm> = {};
    const action = new actions.SnsAction(props.topic);
    for (const [name, [metric, comparisonOperator, threshold, evaluationPeriods, description, missing]] of Object.entries(specs)) {
      const alarm = new cloudwatch.Alarm(this, name, {
        alarmName: `${props.dashboardName}-${name}`,
        alarmDescription: description,
        metric,
        comparisonOperator,
        threshold,
        evaluationPeriods,
        treatMissingData: missing ?? cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      alarms[name] = alarm;
    }
    this.alarms = alarms;

    const graph = (title: string, ...left: cloudwatch.Metric[]) => new cloudwatch.GraphWidget({ title, left, width: 8, height: 6 });
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      widgets: [
        [new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: Object.values(alarms), width: 24, height: 3 })],
        [graph('Compute fleet: in service', metrics.fleetInService), graph('Compute fleet: CPU %', metrics.fleetCpu), graph('EKS: CPU % of nodes', metrics.eksNodeCpu)],
        [graph('EKS: nodes and failed nodes', metrics.eksNodes, metrics.eksFailedNodes), graph('PostgreSQL: CPU %', metrics.dbCpu), graph('PostgreSQL: connections', metrics.dbConnections)],
        [graph('PostgreSQL: free storage (bytes)', metrics.dbFreeStorage), graph('Redshift: health (1 = healthy)', metrics.rsHealth), graph('Redshift: disk and CPU %', metrics.rsDisk, metrics.rsCpu)],
      ],
    });
  }
}
