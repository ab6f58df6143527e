/**
 * The embedded example topology. Account ids are obviously fake (repeated digits), so the
 * repository synthesizes out of the box with no AWS credentials and no context lookups.
 * Copy it to a JSON or YAML file and pass it with `--topology` to adapt the platform.
 */
import { EXAMPLE_AUDIT } from './audit';
import { EXAMPLE_WORKLOAD } from './workload';
import type { TopologyInput } from '../schema/topology';

export const EXAMPLE_TOPOLOGY: TopologyInput = {
  github: { owner: 'paradigm-clinical', repository: 'paradigm-platform', defaultBranch: 'main' },
  oidc: { deployRoleName: 'paradigm-github-deploy', driftRoleName: 'paradigm-github-drift' },
  tags: { owner: 'platform-team', costCenter: 'CC-4200', dataClassification: 'phi' },
  onPremiseCidrs: ['172.16.0.0/16', '172.17.0.0/16'],
  environments: [
    {
      name: 'dev',
      approval: { required: false, reviewers: [] },
      accounts: {
        audit: { accountId: '111111111101', region: 'us-east-1' },
        networkHub: { accountId: '111111111102', region: 'us-east-1' },
        workload: { accountId: '111111111103', region: 'us-east-1' },
        saasBridge: { accountId: '111111111104', region: 'us-east-1' },
      },
      network: {
        workloadVpcCidr: '10.10.0.0/16',
        saasBridgeVpcCidr: '10.11.0.0/20',
        transitGateway: { amazonSideAsn: 64512, autoAcceptSharedAttachments: true },
      },
      audit: EXAMPLE_AUDIT.dev,
      workload: EXAMPLE_WORKLOAD.dev,
    },
    {
      name: 'staging',
      approval: { required: false, reviewers: [] },
      accounts: {
        audit: { accountId: '222222222201', region: 'us-east-1' },
        networkHub: { accountId: '222222222202', region: 'us-east-1' },
        workload: { accountId: '222222222203', region: 'us-east-1' },
        saasBridge: { accountId: '222222222204', region: 'us-east-1' },
      },
      network: {
        workloadVpcCidr: '10.20.0.0/16',
        saasBridgeVpcCidr: '10.21.0.0/20',
        transitGateway: { amazonSideAsn: 64522, autoAcceptSharedAttachments: true },
      },
      audit: EXAMPLE_AUDIT.staging,
      workload: EXAMPLE_WORKLOAD.staging,
    },
    {
      name: 'prod',
      approval: { required: true, reviewers: ['team:platform-leads', 'team:security-officers'] },
      accounts: {
        audit: { accountId: '333333333301', region: 'us-east-1' },
        networkHub: { accountId: '333333333302', region: 'us-east-1' },
        workload: { accountId: '333333333303', region: 'us-east-1' },
        saasBridge: { accountId: '333333333304', region: 'us-east-1' },
      },
      network: {
        workloadVpcCidr: '10.30.0.0/16',
        saasBridgeVpcCidr: '10.31.0.0/20',
        transitGateway: { amazonSideAsn: 64532, autoAcceptSharedAttachments: true },
        directConnect: {
          connectionId: 'dxcon-ffexampl',
          gatewayAsn: 64600,
          vlan: 301,
          customerAsn: 65010,
          // What AWS advertises to on-premise: the workload VPC only (the SaaS bridge is kept from on-premise).
          allowedPrefixes: ['10.30.0.0/16'],
          amazonAddress: '169.254.100.1/30',
          customerAddress: '169.254.100.2/30',
        },
      },
      audit: EXAMPLE_AUDIT.prod,
      workload: EXAMPLE_WORKLOAD.prod,
    },
  ],
  saasProviders: [
    {
      // Runs a clinical application in its own VPC; reached by VPC peering from the bridge VPC only.
      name: 'provider-1',
      displayName: 'Provider 1 (clinical application)',
      accountId: '999999999901',
      region: 'us-east-1',
      vpcId: 'vpc-0aaaaaaaaaaaaaaa1',
      cidr: '10.201.0.0/20',
      ports: [443],
      externalId: 'paradigm-provider-1-7f3c9a2e41d8',
      connection: { type: 'vpc-peering', accepterRoleArn: 'arn:aws:iam::999999999901:role/paradigm-peering-accepter' },
      reachableFromWorkloads: false,
      inbound: { access: 'read-write' },
    },
    {
      // Keeps its data in Amazon DynamoDB; its API is offered through PrivateLink, reachable from workloads.
      name: 'provider-2',
      displayName: 'Provider 2 (data on Amazon DynamoDB)',
      accountId: '999999999902',
      region: 'us-east-1',
      vpcId: 'vpc-0bbbbbbbbbbbbbbb2',
      cidr: '10.202.0.0/20',
      ports: [443],
      externalId: 'paradigm-provider-2-c81b05d9e6a4',
      connection: { type: 'privatelink', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0bbbbbbbbbbbbbbb2', privateDns: false },
      reachableFromWorkloads: true,
      inbound: { principalArn: 'arn:aws:iam::999999999902:role/paradigm-data-exchange', access: 'write' },
      dynamodb: {
        roleArn: 'arn:aws:iam::999999999902:role/paradigm-table-access',
        externalId: 'provider-2-issued-3e9d41a07b52',
        tableArns: [
          'arn:aws:dynamodb:us-east-1:999999999902:table/paradigm-study-results',
          'arn:aws:dynamodb:us-east-1:999999999902:table/paradigm-study-results/index/by-study',
        ],
        actions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'],
      },
    },
  ],
  drift: { schedule: '0 6 * * 1-5' },
};
