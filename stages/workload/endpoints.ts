import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface PrivateEndpointsProps {
  readonly vpc: ec2.IVpc;
  /** The VPC's IPv4 range as written in the topology (the only source allowed to reach the endpoints). */
  readonly vpcCidr: string;
  /** Subnets that hold the interface endpoint network interfaces (one per Availability Zone). */
  readonly subnets: ec2.SubnetSelection;
  /**
   * AWS services reached through interface endpoints.
   * @default - INTERFACE_ENDPOINT_SERVICES: what private EC2, EKS nodes and SSM need with no internet
   */
  readonly services?: Readonly<Record<string, ec2.InterfaceVpcEndpointAwsService>>;
}

/**
 * What private instances, EKS nodes and SSM need to work without an internet route: SSM Session
 * Manager, ECR image pulls, STS (IRSA and Pod Identity), CloudWatch, KMS, Secrets Manager, the EKS
 * API and the EC2, ELB and Auto Scaling APIs used by the node group and the load balancer controller.
 */
export const INTERFACE_ENDPOINT_SERVICES: Readonly<Record<string, ec2.InterfaceVpcEndpointAwsService>> = {
  EcrApi: ec2.InterfaceVpcEndpointAwsService.ECR,
  EcrDocker: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
  Sts: ec2.InterfaceVpcEndpointAwsService.STS,
  Logs: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
  Monitoring: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING,
  Ssm: ec2.InterfaceVpcEndpointAwsService.SSM,
  SsmMessages: ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES,
  Ec2Messages: ec2.InterfaceVpcEndpointAwsService.EC2_MESSAGES,
  Kms: ec2.InterfaceVpcEndpointAwsService.KMS,
  SecretsManager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
  Eks: ec2.InterfaceVpcEndpointAwsService.EKS,
  EksAuth: ec2.InterfaceVpcEndpointAwsService.EKS_AUTH,
  Ec2: ec2.InterfaceVpcEndpointAwsService.EC2,
  ElasticLoadBalancing: ec2.InterfaceVpcEndpointAwsService.ELASTIC_LOAD_BALANCING,
  AutoScaling: ec2.InterfaceVpcEndpointAwsService.AUTOSCALING,
};

/**
 * Gateway endpoints for S3 and DynamoDB on every route table of the VPC, and interface endpoints
 * with private DNS behind one security group that accepts HTTPS from the VPC range only.
 */
export class PrivateEndpoints extends Construct {
  public readonly securityGroup: ec2.SecurityGroup;
  public readonly interfaceEndpoints: Readonly<Record<string, ec2.InterfaceVpcEndpoint>>;

  constructor(scope: Construct, id: string, props: PrivateEndpointsProps) {
    super(scope, id);
    const isolated = [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }];
    props.vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3, subnets: isolated });
    props.vpc.addGatewayEndpoint('DynamoDb', { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB, subnets: isolated });

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Interface endpoints: HTTPS from the VPC range only',
      allowAllOutbound: false,
    });
    this.securityGroup.addIngressRule(ec2.Peer.ipv4(props.vpcCidr), ec2.Port.tcp(443), 'HTTPS from the workload VPC');

    const endpoints: Record<string, ec2.InterfaceVpcEndpoint> = {};
    for (const [name, service] of Object.entries(props.services ?? INTERFACE_ENDPOINT_SERVICES)) {
      endpoints[name] = props.vpc.addInterfaceEndpoint(name, {
        service,
        subnets: props.subnets,
        securityGroups: [this.securityGroup],
        privateDnsEnabled: true,
        open: false,
      });
    }
    this.interfaceEndpoints = endpoints;
  }
}
