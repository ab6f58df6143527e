import { RemovalPolicy, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as redshift from 'aws-cdk-lib/aws-redshift';
import { Construct } from 'constructs';
import type { EncryptedLogGroups } from './log-groups';
import { PropsCheck } from './props-check';
import { acknowledge } from '../common/acknowledge';

export interface AnalyticsWarehouseProps {
  readonly vpc: ec2.IVpc;
  /** Subnets of the cluster subnet group (the `data` group). */
  readonly subnets: ec2.SubnetSelection;
  /** Cluster identifier (lower case); also names its audit log groups `/aws/redshift/cluster/<id>/…`. */
  readonly clusterIdentifier: string;
  /** RA3 node type, e.g. `ra3.xlplus`. */
  readonly nodeType: string;
  /** 1 for a single-node cluster, 2 or more for multi-node. */
  readonly numberOfNodes: number;
  /** Automated snapshot retention in days. */
  readonly snapshotRetentionDays: number;
  /** Key for the cluster data and its managed admin secret. */
  readonly key: kms.IKey;
  readonly logGroups: EncryptedLogGroups;
  /** Security groups, by a name used in rule descriptions, whose members may connect on 5439 (compute fleet, EKS nodes). */
  readonly clients: Readonly<Record<string, ec2.ISecurityGroup>>;
  /**
   * On-premise analytics networks allowed on 5439 (validated to lie within the topology's on-premise ranges).
   * @default - none
   */
  readonly analyticsCidrs?: readonly string[];
}

export const REDSHIFT_PORT = 5439;
export const REDSHIFT_LOG_EXPORTS = ['connectionlog', 'userlog', 'useractivitylog'];

/**
 * Amazon Redshift (L1) in the data subnets: KMS-encrypted, enhanced VPC routing (COPY/UNLOAD stay in
 * the VPC through the S3 gateway endpoint), not publicly accessible, TLS required and user activity
 * logged by the parameter group, audit logs in encrypted CloudWatch log groups, a managed admin
 * password in Secrets Manager, automated snapshots and a final snapshot on removal.
 */
export class AnalyticsWarehouse extends Construct {
  public readonly securityGroup: ec2.SecurityGroup;
  public readonly cluster: redshift.CfnCluster;

  constructor(scope: Construct, id: string, props: AnalyticsWarehouseProps) {
    super(scope, id);
    const check = new PropsCheck(this)
      .range('numberOfNodes', props.numberOfNodes, 1, 128)
      .range('snapshotRetentionDays', props.snapshotRetentionDays, 1, 35)
      .expect(/^[a-z][a-z0-9-]{0,62}$/.test(props.clusterIdentifier) && !props.clusterIdentifier.endsWith('-') && !props.clusterIdentifier.includes('--'),
        `clusterIdentifier "${props.clusterIdentifier}" is not a Redshift cluster identifier. Fix: use 1–63 lower-case letters, digits and single dashes, starting with a letter.`);
    for (const cidr of props.analyticsCidrs ?? []) {
      const prefix = Number(cidr.split('/')[1]);
      check.expect(Token.isUnresolved(cidr) || prefix >= 8,
        `analyticsCidrs contains ${cidr}, which opens Redshift to far more than an analytics network. Fix: list the on-premise analytics subnets (/8 or narrower, never 0.0.0.0/0).`);
    }
    check.done();

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Redshift: 5439 from the compute fleet, EKS nodes and on-premise analytics networks',
      // Enhanced VPC routing sends COPY/UNLOAD through the VPC; the S3 gateway endpoint's prefix list
      // cannot be named without a lookup, and no internet route exists.
      allowAllOutbound: true,
    });
    for (const [name, client] of Object.entries(props.clients)) {
      this.securityGroup.addIngressRule(client, ec2.Port.tcp(REDSHIFT_PORT), `Redshift from ${name}`);
    }
    for (const cidr of props.analyticsCidrs ?? []) {
      this.securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(REDSHIFT_PORT), `Redshift from on-premise analytics ${cidr}`);
    }

    const subnetGroup = new redshift.CfnClusterSubnetGroup(this, 'Subnets', {
      description: `Data subnets of ${props.clusterIdentifier}`,
      subnetIds: props.vpc.selectSubnets(props.subnets).subnetIds,
    });
    const parameterGroup = new redshift.CfnClusterParameterGroup(this, 'Parameters', {
      description: `Requires TLS and logs user activity on ${props.clusterIdentifier}`,
      parameterGroupFamily: 'redshift-1.0',
      parameters: [
        { parameterName: 'require_ssl', parameterValue: 'true' },
        { parameterName: 'enable_user_activity_logging', parameterValue: 'true' },
      ],
    });
    const logGroups = REDSHIFT_LOG_EXPORTS.map((type) =>
      props.logGroups.create(this, `Logs-${type}`, `/aws/redshift/cluster/${props.clusterIdentifier}/${type}`));

    const multiNode = props.numberOfNodes > 1;
    this.cluster = new redshift.CfnCluster(this, 'Cluster', {
      clusterIdentifier: props.clusterIdentifier,
      clusterType: multiNode ? 'multi-node' : 'single-node',
      nodeType: props.nodeType,
      numberOfNodes: multiNode ? props.numberOfNodes : undefined,
      dbName: 'research',
      masterUsername: 'paradigm_admin',
      manageMasterPassword: true,
      masterPasswordSecretKmsKeyId: props.key.keyArn,
      encrypted: true,
      kmsKeyId: props.key.keyArn,
      enhancedVpcRouting: true,
      publiclyAccessible: false,
      port: REDSHIFT_PORT,
      clusterSubnetGroupName: subnetGroup.ref,
      vpcSecurityGroupIds: [this.securityGroup.securityGroupId],
      clusterParameterGroupName: parameterGroup.ref,
      automatedSnapshotRetentionPeriod: props.snapshotRetentionDays,
      allowVersionUpgrade: true,
      preferredMaintenanceWindow: 'sun:05:30-sun:06:30',
      loggingProperties: { logDestinationType: 'cloudwatch', logExports: REDSHIFT_LOG_EXPORTS },
    });
    this.cluster.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);
    for (const group of logGroups) this.cluster.node.addDependency(group);

    acknowledge(this.cluster, 'cdk-validator-cfnguard::redshift_cluster_audit_logging_enabled_check',
      'CT.REDSHIFT.PR.3 only accepts an S3 audit log destination; the cluster writes its connection, user and user-activity audit logs to KMS-encrypted CloudWatch log groups with retention (LoggingProperties.LogDestinationType cloudwatch).');
    acknowledge(this.cluster, 'AwsSolutions::AwsSolutions-RS4',
      'Redshift keeps its standard port 5439 as the issue and the on-premise analytics firewall rules specify; reachability is limited by security group, so a non-standard port adds no protection.');
  }
}
