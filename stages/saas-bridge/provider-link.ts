import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import type { DataExchange } from './data-exchange';
import { ProviderDynamoDbAccess } from './dynamodb-access-role';
import { ProviderInboundRole } from './inbound-role';
import { dynamoDbAccessRoleName, inboundRoleName, providerPrefix } from './names';
import { ProviderEndpoint } from './provider-endpoint';
import { ProviderPeering } from './provider-peering';
import type { SaasProvider } from '../../accounts';

export interface SaasProviderLinkProps {
  /** The provider as validated by the topology schema. */
  readonly provider: SaasProvider;
  /** Name of the environment, used in role names. */
  readonly environmentName: string;
  /** The bridge VPC. */
  readonly vpc: ec2.IVpc;
  /** The bridge subnets: peering routes and endpoint interfaces live here. */
  readonly bridgeSubnets: ec2.SelectedSubnets;
  /** IPv4 range of the bridge VPC, as written in the topology (security group rules need a literal range). */
  readonly bridgeVpcCidr: string;
  /** IPv4 range of the environment's workload VPC (admitted to PrivateLink endpoints reachable from workloads). */
  readonly workloadVpcCidr: string;
  /** The environment's workload account (may assume the DynamoDB access role). */
  readonly workloadAccountId: string;
  /** The data-exchange bucket and key. */
  readonly dataExchange: DataExchange;
}

/**
 * Everything the bridge holds for one SaaS provider: the network path the topology chose (VPC
 * peering or PrivateLink), the inbound role for the data exchange and, when configured, the outbound
 * DynamoDB access chain.
 */
export class SaasProviderLink extends Construct {
  public readonly peering?: ProviderPeering;
  public readonly endpoint?: ProviderEndpoint;
  public readonly inbound: ProviderInboundRole;
  public readonly dynamoDb?: ProviderDynamoDbAccess;

  constructor(scope: Construct, id: string, props: SaasProviderLinkProps) {
    super(scope, id);
    const p = props.provider;
    if (p.connection.type === 'vpc-peering') {
      if (p.reachableFromWorkloads) {
        throw new Error(`SaaS provider "${p.name}" connects by VPC peering but asks to be reachable from workloads; peering is not transitive. Fix: use connection.type "privatelink".`);
      }
      this.peering = new ProviderPeering(this, 'Peering', {
        vpc: props.vpc,
        routeSubnets: props.bridgeSubnets.subnets,
        providerName: p.name,
        peerAccountId: p.accountId,
        peerVpcId: p.vpcId,
        peerRegion: p.region,
        peerCidr: p.cidr,
        accepterRoleArn: p.connection.accepterRoleArn,
        ports: p.ports,
      });
    } else {
      this.endpoint = new ProviderEndpoint(this, 'PrivateLink', {
        vpc: props.vpc,
        subnets: props.bridgeSubnets,
        providerName: p.name,
        serviceName: p.connection.serviceName,
        privateDns: p.connection.privateDns,
        ports: p.ports,
        allowedCidrs: [props.bridgeVpcCidr, ...(p.reachableFromWorkloads ? [props.workloadVpcCidr] : [])],
      });
    }

    this.inbound = new ProviderInboundRole(this, 'Inbound', {
      roleName: inboundRoleName(props.environmentName, p.name),
      providerName: p.name,
      providerAccountId: p.accountId,
      principalArn: p.inbound.principalArn,
      externalId: p.externalId,
      bucket: props.dataExchange.bucket,
      key: props.dataExchange.key,
      prefix: providerPrefix(p.name),
      access: p.inbound.access,
    });

    if (p.dynamodb) {
      this.dynamoDb = new ProviderDynamoDbAccess(this, 'DynamoDb', {
        roleName: dynamoDbAccessRoleName(props.environmentName, p.name),
        providerName: p.name,
        workloadAccountId: props.workloadAccountId,
        providerRoleArn: p.dynamodb.roleArn,
        externalId: p.dynamodb.externalId ?? p.externalId,
        tableArns: p.dynamodb.tableArns,
        actions: p.dynamodb.actions,
      });
    }
  }
}
