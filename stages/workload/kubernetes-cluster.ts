import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { EncryptedLogGroups } from './log-groups';
import { PropsCheck } from './props-check';
import { acknowledge } from '../common/acknowledge';

export interface KubernetesClusterProps {
  readonly vpc: ec2.IVpc;
  /** Subnets of the control plane network interfaces and the nodes (the `eks` group). */
  readonly subnets: ec2.SubnetSelection;
  /** Cluster name; also names its control plane log group `/aws/eks/<name>/cluster`. */
  readonly clusterName: string;
  /** Kubernetes version, e.g. `1.34`. */
  readonly version: string;
  /** Key for envelope encryption of Kubernetes secrets and for the node volumes. */
  readonly key: kms.IKey;
  /** Creates the encrypted control plane and Container Insights log groups. */
  readonly logGroups: EncryptedLogGroups;
  /** Instance type of the managed node group. */
  readonly instanceType: string;
  readonly minCapacity: number;
  readonly desiredCapacity: number;
  readonly maxCapacity: number;
  /** Node volume size in GiB (gp3). */
  readonly volumeSizeGiB: number;
  /**
   * IAM roles that get cluster admin through access entries.
   * @default - none: only roles given here administer the cluster (the deploying role does not)
   */
  readonly adminRoleArns?: readonly string[];
}

/** Every control plane log type EKS offers. */
export const ALL_CONTROL_PLANE_LOGS = [
  eks.ClusterLoggingTypes.API,
  eks.ClusterLoggingTypes.AUDIT,
  eks.ClusterLoggingTypes.AUTHENTICATOR,
  eks.ClusterLoggingTypes.CONTROLLER_MANAGER,
  eks.ClusterLoggingTypes.SCHEDULER,
];

/**
 * An EKS cluster (native AWS::EKS::Cluster, no kubectl handler) with a private API endpoint only,
 * secrets encrypted with KMS, every control plane log type in an encrypted log group, a managed
 * node group on IMDSv2-only nodes with encrypted volumes, Container Insights for node health and
 * access entries for the admin roles of the topology.
 */
export class KubernetesCluster extends Construct {
  public readonly cluster: eks.Cluster;
  public readonly nodegroup: eks.Nodegroup;
  public readonly nodeRole: iam.Role;

  constructor(scope: Construct, id: string, props: KubernetesClusterProps) {
    super(scope, id);
    new PropsCheck(this)
      .range('minCapacity', props.minCapacity, 0, 450)
      .range('maxCapacity', props.maxCapacity, 1, 450)
      .ordered('minCapacity', props.minCapacity, 'desiredCapacity', props.desiredCapacity)
      .ordered('desiredCapacity', props.desiredCapacity, 'maxCapacity', props.maxCapacity)
      .range('volumeSizeGiB', props.volumeSizeGiB, 20, 16384)
      .done();
    const controlPlaneLogs = props.logGroups.create(this, 'ControlPlaneLogs', `/aws/eks/${props.clusterName}/cluster`);
    const insightsLogs = props.logGroups.create(this, 'ContainerInsightsLogs', `/aws/containerinsights/${props.clusterName}/performance`);

    this.cluster = new eks.Cluster(this, 'Cluster', {
      clusterName: props.clusterName,
      version: eks.KubernetesVersion.of(props.version),
      vpc: props.vpc,
      vpcSubnets: [props.subnets],
      endpointAccess: eks.EndpointAccess.PRIVATE,
      secretsEncryptionKey: props.key,
      clusterLogging: ALL_CONTROL_PLANE_LOGS,
      defaultCapacity: 0,
      defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
      bootstrapClusterCreatorAdminPermissions: false,
      outputConfigCommand: false,
    });
    this.cluster.node.addDependency(controlPlaneLogs);
    acknowledge(this.cluster, 'Annotation::@aws-cdk/aws-eks:isolatedSubnetsForKubectlPrivateSubnets',
      'The isolated eks subnets reach STS, EKS, EKS Auth, ECR, S3, CloudWatch, EC2 and SSM through the VPC endpoints of this VPC (PrivateEndpoints), as the EKS private cluster guide requires.');
    acknowledge(this.cluster, 'CloudFormation-Validate::W9009',
      'EncryptionConfig Resources ["secrets"] is written by aws-eks-v2 and is the only value EKS accepts; the deprecation is cosmetic and secrets stay KMS-encrypted.');
    acknowledge(this.cluster.role, 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSClusterPolicy]',
      'AmazonEKSClusterPolicy is the AWS-maintained policy the EKS control plane requires; AWS updates it with the service.');

    props.adminRoleArns?.forEach((arn, i) => {
      this.cluster.grantAccess(`Admin${i}`, arn, [
        eks.AccessPolicy.fromAccessPolicyName('AmazonEKSClusterAdminPolicy', { accessScopeType: eks.AccessScopeType.CLUSTER }),
      ]);
    });

    this.nodeRole = new iam.Role(this, 'NodeRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      description: `Nodes of ${props.clusterName}: join the cluster, pull images, run the VPC CNI, SSM and Container Insights`,
      managedPolicies: NODE_POLICIES.map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
    for (const name of NODE_POLICIES) {
      acknowledge(this.nodeRole, `AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${name}]`, NODE_POLICY_REASONS[name]);
    }

    const instanceType = new ec2.InstanceType(props.instanceType);
    const arm = instanceType.architecture === ec2.InstanceArchitecture.ARM_64;
    const launchTemplate = new ec2.LaunchTemplate(this, 'NodeLaunchTemplate', {
      requireImdsv2: true,
      // Pods use EKS Pod Identity / IRSA, never the node role: one hop keeps IMDS out of pod network namespaces.
      httpPutResponseHopLimit: 1,
      detailedMonitoring: true,
      blockDevices: [{
        deviceName: '/dev/xvda',
        volume: ec2.BlockDeviceVolume.ebs(props.volumeSizeGiB, {
          volumeType: ec2.EbsDeviceVolumeType.GP3,
          encrypted: true,
          kmsKey: props.key,
          deleteOnTermination: true,
        }),
      }],
    });

    this.nodegroup = this.cluster.addNodegroupCapacity('Nodes', {
      nodegroupName: `${props.clusterName}-nodes`,
      subnets: props.subnets,
      instanceTypes: [instanceType],
      amiType: arm ? eks.NodegroupAmiType.AL2023_ARM_64_STANDARD : eks.NodegroupAmiType.AL2023_X86_64_STANDARD,
      minSize: props.minCapacity,
      desiredSize: props.desiredCapacity,
      maxSize: props.maxCapacity,
      nodeRole: this.nodeRole,
      launchTemplateSpec: { id: launchTemplate.launchTemplateId!, version: launchTemplate.latestVersionNumber },
      enableNodeAutoRepair: true,
    });

    // Container Insights (a native EKS add-on) publishes node health to CloudWatch; container logs stay off.
    const insights = new eks.Addon(this, 'ContainerInsights', {
      cluster: this.cluster,
      addonName: 'amazon-cloudwatch-observability',
      configurationValues: { containerLogs: { enabled: false } },
    });
    insights.node.addDependency(insightsLogs, this.nodegroup);
  }
}

const NODE_POLICIES = [
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonSSMManagedInstanceCore',
  'CloudWatchAgentServerPolicy',
] as const;

const NODE_POLICY_REASONS: Record<(typeof NODE_POLICIES)[number], string> = {
  AmazonEKSWorkerNodePolicy: 'AWS-maintained policy EKS requires for nodes to join the cluster and describe their own instance.',
  AmazonEKS_CNI_Policy: 'AWS-maintained policy the VPC CNI needs to attach pod network interfaces; AWS updates it with the CNI.',
  AmazonEC2ContainerRegistryReadOnly: 'Read-only image pulls from ECR through the VPC endpoints; AWS-maintained and limited to read actions.',
  AmazonSSMManagedInstanceCore: 'AWS-maintained minimum for Session Manager, the only way operators reach nodes (no SSH keys, no bastion).',
  CloudWatchAgentServerPolicy: 'AWS-maintained policy the Container Insights agent needs to publish node health metrics to CloudWatch.',
};
