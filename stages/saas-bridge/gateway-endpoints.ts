import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** DynamoDB tables of one provider that the bridge VPC may reach, and the actions allowed on them. */
export interface ProviderTables {
  readonly tableArns: readonly string[];
  readonly actions: readonly string[];
}

export interface BridgeGatewayEndpointsProps {
  /** The bridge VPC. */
  readonly vpc: ec2.IVpc;
  /** Subnets whose route tables get the endpoint routes. */
  readonly subnets: ec2.SubnetSelection;
  /**
   * Provider tables the DynamoDB endpoint lets through, besides tables of the bridge account.
   * @default - none: only tables of the bridge account
   */
  readonly providerTables?: readonly ProviderTables[];
}

/**
 * S3 and DynamoDB gateway endpoints of the bridge VPC. Their policies are data perimeters: S3 only
 * for buckets of the bridge account (the data-exchange bucket), DynamoDB only for tables of the bridge
 * account and the provider tables named in the topology, with the actions named there.
 */
export class BridgeGatewayEndpoints extends Construct {
  public readonly s3: ec2.GatewayVpcEndpoint;
  public readonly dynamoDb: ec2.GatewayVpcEndpoint;

  constructor(scope: Construct, id: string, props: BridgeGatewayEndpointsProps) {
    super(scope, id);
    const account = Stack.of(this).account;
    const ownAccountOnly = { StringEquals: { 'aws:ResourceAccount': account } };

    this.s3 = props.vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3, subnets: [props.subnets] });
    this.s3.addToPolicy(new iam.PolicyStatement({
      sid: 'BucketsOfTheBridgeAccountOnly',
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:*'],
      resources: ['*'],
      conditions: ownAccountOnly,
    }));

    this.dynamoDb = props.vpc.addGatewayEndpoint('DynamoDb', { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB, subnets: [props.subnets] });
    this.dynamoDb.addToPolicy(new iam.PolicyStatement({
      sid: 'TablesOfTheBridgeAccount',
      principals: [new iam.AnyPrincipal()],
      actions: ['dynamodb:*'],
      resources: ['*'],
      conditions: ownAccountOnly,
    }));
    (props.providerTables ?? []).forEach((tables, i) => {
      this.dynamoDb.addToPolicy(new iam.PolicyStatement({
        sid: `ProviderTables${i}`,
        principals: [new iam.AnyPrincipal()],
        actions: [...tables.actions],
        resources: [...tables.tableArns],
      }));
    });
  }
}
