import { ArnFormat, CfnResource, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from './acknowledge';
import { EncryptionKey } from './encrypted-key';

export interface PrivateVpcProps {
  /** Name of the VPC, also the prefix of its log group and key alias, e.g. `paradigm-dev-workload`. */
  readonly name: string;
  /** IPv4 range of the VPC. */
  readonly cidr: string;
  /** Isolated subnet groups (no route to the internet), one subnet per Availability Zone each. */
  readonly subnets: readonly { readonly name: string; readonly cidrMask: number }[];
  /**
   * Retention of the VPC flow log group.
   * @default - one year
   */
  readonly flowLogRetention?: logs.RetentionDays;
  /** Availability Zones of the subnets, named explicitly so that synth needs no context lookup. */
  readonly availabilityZones: readonly string[];
}

/**
 * A VPC with isolated subnets only: no internet gateway and no NAT. All traffic is recorded by
 * flow logs into a log group encrypted with its own KMS key, with retention.
 */
export class PrivateVpc extends Construct {
  /** The stack-wide provider that `restrictDefaultSecurityGroup` adds (one Lambda function per stack). */
  private static readonly RESTRICTOR_PROVIDER_ID = 'Custom::VpcRestrictDefaultSGCustomResourceProvider';

  public readonly vpc: ec2.Vpc;
  public readonly flowLogKey: kms.Key;
  public readonly flowLogGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: PrivateVpcProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      vpcName: props.name,
      ipAddresses: ec2.IpAddresses.cidr(props.cidr),
      availabilityZones: [...props.availabilityZones],
      natGateways: 0,
      createInternetGateway: false,
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: props.subnets.map((s) => ({ name: s.name, cidrMask: s.cidrMask, subnetType: ec2.SubnetType.PRIVATE_ISOLATED })),
    });

    const restrictDefaultSg = stack.node.tryFindChild('Custom::VpcRestrictDefaultSGCustomResourceProvider');
    if (restrictDefaultSg) {
      acknowledge(restrictDefaultSg, 'cdk-validator-cfnguard::lambda_inside_vpc_check',
        'CT.LAMBDA.PR.3: aws-cdk-lib\'s deploy-time handler that strips the default security group rules must reach the EC2 API and the CloudFormation response URL; this VPC has no internet route, and the handler touches no data.');
    }

    const logGroupName = `/paradigm/${props.name}/flow-logs`;
    const handlerLogGroupName = `/paradigm/${props.name}/default-security-group-restrictor`;
    this.flowLogKey = new EncryptionKey(this, 'FlowLogKey', {
      alias: `${props.name}/flow-logs`,
      description: `Encrypts the flow logs of ${props.name}`,
    }).key;
    const logGroupArn = (name: string) => stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: name, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    this.flowLogKey.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsForThisVpcsLogGroupsOnly',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': [logGroupArn(logGroupName), logGroupArn(handlerLogGroupName)] },
      },
    }));
    this.logDefaultSecurityGroupRestrictor(handlerLogGroupName, props.flowLogRetention ?? logs.RetentionDays.ONE_YEAR);
    this.flowLogGroup = new logs.LogGroup(this, 'FlowLogGroup', {
      logGroupName,
      encryptionKey: this.flowLogKey,
      retention: props.flowLogRetention ?? logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // A role with a managed (not inline) policy scoped to this log group; the flow log may not widen it.
    const flowLogRole = new iam.Role(this, 'FlowLogRole', {
      assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
      description: `Delivers the flow logs of ${props.name} to ${logGroupName}`,
      managedPolicies: [
        new iam.ManagedPolicy(this, 'FlowLogDelivery', {
          statements: [
            new iam.PolicyStatement({
              actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
              resources: [this.flowLogGroup.logGroupArn],
            }),
          ],
        }),
      ],
    });
    this.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(this.flowLogGroup, flowLogRole.withoutPolicyUpdates()),
      trafficType: ec2.FlowLogTrafficType.ALL,
      maxAggregationInterval: ec2.FlowLogMaxAggregationInterval.ONE_MINUTE,
    });
  }

  /**
   * The Lambda function that closes the default security group would otherwise log into a log group it
   * creates at run time: unencrypted and kept forever. Point it at a KMS-encrypted log group with
   * retention, created (and retained) by this stack.
   */
  private logDefaultSecurityGroupRestrictor(logGroupName: string, retention: logs.RetentionDays): void {
    const handler = Stack.of(this).node.tryFindChild(PrivateVpc.RESTRICTOR_PROVIDER_ID)?.node.tryFindChild('Handler');
    if (!(handler instanceof CfnResource) || handler.cfnResourceType !== 'AWS::Lambda::Function') {
      throw new Error(`PrivateVpc expected the ${PrivateVpc.RESTRICTOR_PROVIDER_ID} Lambda function that restrictDefaultSecurityGroup adds; aws-cdk-lib changed how it restricts the default security group.`);
    }
    const group = new logs.LogGroup(this, 'RestrictorLogGroup', {
      logGroupName,
      encryptionKey: this.flowLogKey,
      retention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    handler.addPropertyOverride('LoggingConfig', { LogGroup: group.logGroupName, LogFormat: 'JSON' });
    handler.node.addDependency(group);
  }
}
