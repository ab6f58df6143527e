import { Duration } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { PropsCheck } from './props-check';
import { acknowledge } from '../common/acknowledge';

export interface ComputeFleetProps {
  readonly vpc: ec2.IVpc;
  /** Subnets the instances run in (the `compute` group). */
  readonly subnets: ec2.SubnetSelection;
  /** Instance type, e.g. `t3.medium`; Graviton types get the arm64 image. */
  readonly instanceType: string;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  /**
   * Average CPU utilization the group scales to (target tracking between min and max).
   * @default 60
   */
  readonly targetCpuPercent?: number;
  /** Root volume size in GiB (gp3). */
  readonly volumeSizeGiB: number;
  /** Key that encrypts the root volumes. */
  readonly volumeKey: kms.IKey;
  /** Topic that receives launch, termination and failure notifications of the group. */
  readonly notifications: sns.ITopic;
}

/**
 * The private EC2 fleet: an Auto Scaling group launched from a template with Amazon Linux 2023
 * (AMI resolved from the public SSM parameter at deploy time), IMDSv2 only, KMS-encrypted root
 * volumes, detailed monitoring and no SSH key: operators connect through SSM Session Manager.
 */
export class ComputeFleet extends Construct {
  public readonly securityGroup: ec2.SecurityGroup;
  public readonly role: iam.Role;
  public readonly launchTemplate: ec2.LaunchTemplate;
  public readonly autoScalingGroup: autoscaling.AutoScalingGroup;

  constructor(scope: Construct, id: string, props: ComputeFleetProps) {
    super(scope, id);
    new PropsCheck(this)
      .range('minCapacity', props.minCapacity, 0, 1000)
      .range('maxCapacity', props.maxCapacity, 1, 1000)
      .ordered('minCapacity', props.minCapacity, 'maxCapacity', props.maxCapacity)
      .range('volumeSizeGiB', props.volumeSizeGiB, 8, 16384)
      .range('targetCpuPercent', props.targetCpuPercent ?? 60, 10, 90)
      .done();
    const instanceType = new ec2.InstanceType(props.instanceType);

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Compute fleet: no inbound; outbound only through the VPC (no internet route exists)',
      // Outbound reaches only what the route tables allow: the VPC, the S3/DynamoDB gateway endpoints
      // (whose prefix lists cannot be named without a lookup) and the Transit Gateway routes to on-premise and the SaaS bridge.
      allowAllOutbound: true,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      description: 'Compute fleet instances: managed by SSM, nothing else',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')],
    });
    acknowledge(this.role, 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore]',
      'AmazonSSMManagedInstanceCore is the AWS-maintained minimum for Session Manager and patching; it replaces SSH and tracks SSM API changes.');

    this.launchTemplate = new ec2.LaunchTemplate(this, 'LaunchTemplate', {
      machineImage: ec2.MachineImage.latestAmazonLinux2023({
        cpuType: instanceType.architecture === ec2.InstanceArchitecture.ARM_64 ? ec2.AmazonLinuxCpuType.ARM_64 : ec2.AmazonLinuxCpuType.X86_64,
      }),
      instanceType,
      role: this.role,
      securityGroup: this.securityGroup,
      requireImdsv2: true,
      httpPutResponseHopLimit: 1,
      detailedMonitoring: true,
      associatePublicIpAddress: false,
      blockDevices: [{
        deviceName: '/dev/xvda',
        volume: ec2.BlockDeviceVolume.ebs(props.volumeSizeGiB, {
          volumeType: ec2.EbsDeviceVolumeType.GP3,
          encrypted: true,
          kmsKey: props.volumeKey,
          deleteOnTermination: true,
        }),
      }],
    });

    this.autoScalingGroup = new autoscaling.AutoScalingGroup(this, 'Group', {
      vpc: props.vpc,
      vpcSubnets: props.subnets,
      launchTemplate: this.launchTemplate,
      // No desiredCapacity: a deploy must not reset what target tracking decided.
      minCapacity: props.minCapacity,
      maxCapacity: props.maxCapacity,
      healthChecks: autoscaling.HealthChecks.ec2({ gracePeriod: Duration.minutes(5) }),
      groupMetrics: [autoscaling.GroupMetrics.all()],
      notifications: [{ topic: props.notifications }],
      updatePolicy: autoscaling.UpdatePolicy.rollingUpdate({ minInstancesInService: props.minCapacity > 1 ? props.minCapacity - 1 : 0 }),
    });
    acknowledge(this.autoScalingGroup, 'cdk-validator-cfnguard::autoscaling_multiple_az_check',
      'CT.AUTOSCALING.PR.1 reads only the AvailabilityZones property; the group is placed by VPCZoneIdentifier in the compute subnets, one per Availability Zone of the topology (three in the example).');
    acknowledge(this.autoScalingGroup, 'cdk-validator-cfnguard::autoscaling_mixed_instances_policy_multiple_instance_types_check',
      'CT.AUTOSCALING.PR.6: the fleet runs one instance type from the topology, validated and capacity-planned per environment; on-demand capacity in three Availability Zones covers a shortage of one type.');
    this.autoScalingGroup.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: props.targetCpuPercent ?? 60 });
  }
}
