/** The SaaS bridge of the example (synthesized once with every validator by test/global-setup.ts). */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { EXAMPLE_TOPOLOGY } from '../accounts';
import { exampleResults, exampleTemplate, expectNoUnacknowledgedFindings } from './support/example';

const envNames = EXAMPLE_TOPOLOGY.environments.map((e) => e.name);
const template = exampleTemplate('dev', 'saasBridge');

/** Logical ids of the route tables of the subnets of one subnet group. */
function routeTablesOf(t: Template, group: string): string[] {
  return Object.keys(t.findResources('AWS::EC2::RouteTable')).filter((id) => id.startsWith(`NetworkVpc${group}Subnet`));
}

/** Every statement of every policy document of `type` under `property`. */
function statements(t: Template, type: string, property: string): any[] {
  return Object.values(t.findResources(type)).flatMap((r: any) => r.Properties[property].Statement);
}

test.each(envNames)('%s SaaS bridge has zero unacknowledged findings from every validator', (env) => {
  expectNoUnacknowledgedFindings(env, 'saasBridge');
});

test('acknowledges only the wildcard of provider prefixes, access-log bucket limits, single-region and deletable buckets, the workload trust and the CDK default-SG handler', () => {
  const rules = exampleResults('dev', 'saasBridge').acknowledged
    .filter((a) => !a.constructPath.includes('/Network/Vpc/'))
    // Shared platform constructs (the Transit Gateway attachment, the account trail and the stack's
    // deploy-time SDK call function) carry their own acknowledgements, pinned with those constructs.
    .filter((a) => !/\/SaasBridge\/(AWS679f53fac002430cb0da5b7982bd2287|Transit|Trail|PlatformSdkCalls)\//.test(a.constructPath))
    .map((a) => `${a.rule} at ${a.constructPath.replace('dev-saas-bridge/SaasBridge/', '')}`);
  expect([...new Set(rules)].sort()).toEqual([
    'AwsSolutions-IAM5[Resource::<DataExchangeBucketCF2FB8DF.Arn>/providers/provider-1/*] at Provider-provider-1/Inbound/Access/Resource',
    'AwsSolutions-IAM5[Resource::<DataExchangeBucketCF2FB8DF.Arn>/providers/provider-2/*] at Provider-provider-2/Inbound/Access/Resource',
    'HIPAA.Security-S3BucketReplicationEnabled at DataExchange/AccessLogs/Resource',
    'HIPAA.Security-S3BucketReplicationEnabled at DataExchange/Bucket/Resource',
    'HIPAA.Security-S3DefaultEncryptionKMS at DataExchange/AccessLogs/Resource',
    'NIST.800.53.R5-S3BucketReplicationEnabled at DataExchange/AccessLogs/Resource',
    'NIST.800.53.R5-S3BucketReplicationEnabled at DataExchange/Bucket/Resource',
    'NIST.800.53.R5-S3DefaultEncryptionKMS at DataExchange/AccessLogs/Resource',
    'Paradigm-CrossAccountTrustCondition at Provider-provider-2/DynamoDb/Role/Resource',
    'lambda_inside_vpc_check at Custom::VpcRestrictDefaultSGCustomResourceProvider/Handler',
    's3_bucket_default_encryption_kms_check at DataExchange/AccessLogs/Resource',
    's3_bucket_logging_enabled_check at DataExchange/AccessLogs/Resource',
    's3_bucket_object_lock_enabled_check at DataExchange/AccessLogs/Resource',
    's3_bucket_object_lock_enabled_check at DataExchange/Bucket/Resource',
  ]);
});

test('every SaaS bridge acknowledgement carries a specific reason', () => {
  for (const ack of exampleResults('dev', 'saasBridge').acknowledged) {
    expect(ack.reason?.length ?? 0).toBeGreaterThanOrEqual(20);
  }
});

describe('VPC peering to provider 1', () => {
  test('the requester side names the peer owner, VPC, region and accepter role', () => {
    template.resourceCountIs('AWS::EC2::VPCPeeringConnection', 1);
    template.hasResourceProperties('AWS::EC2::VPCPeeringConnection', {
      VpcId: { Ref: Match.stringLikeRegexp('^NetworkVpc') },
      PeerOwnerId: '999999999901',
      PeerVpcId: 'vpc-0aaaaaaaaaaaaaaa1',
      PeerRegion: 'us-east-1',
      PeerRoleArn: 'arn:aws:iam::999999999901:role/paradigm-peering-accepter',
    });
  });

  test('routes go only toward the provider CIDR, only from the bridge subnets', () => {
    const all = Object.values(template.findResources('AWS::EC2::Route')).map((r: any) => r.Properties);
    // The other routes go to the Transit Gateway, toward the workload VPC only (never a provider range).
    expect(all.filter((r) => !r.VpcPeeringConnectionId).map((r) => [r.DestinationCidrBlock, Boolean(r.TransitGatewayId)]))
      .toEqual([['10.10.0.0/16', true], ['10.10.0.0/16', true], ['10.10.0.0/16', true]]);
    const routes = all.filter((r) => r.VpcPeeringConnectionId);
    const bridgeTables = routeTablesOf(template, 'bridge');
    expect(bridgeTables).toHaveLength(3);
    expect(routes).toHaveLength(3);
    for (const route of routes) {
      expect(route).toEqual({
        DestinationCidrBlock: '10.201.0.0/20',
        RouteTableId: { Ref: expect.stringMatching(/^NetworkVpcbridgeSubnet/) },
        VpcPeeringConnectionId: { Ref: expect.stringMatching(/^Providerprovider1PeeringConnection/) },
      });
    }
    expect(routes.map((r) => r.RouteTableId.Ref).sort()).toEqual(bridgeTables.sort());
  });

  test('its security group allows only the provider CIDR on the configured ports', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('provider-1'),
      SecurityGroupEgress: [{ CidrIp: '10.201.0.0/20', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: Match.anyValue() }],
      SecurityGroupIngress: Match.absent(),
    });
  });
});

describe('PrivateLink to provider 2', () => {
  test('an interface endpoint to the provider service in the bridge subnets, private DNS as configured', () => {
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Interface',
      ServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0bbbbbbbbbbbbbbb2',
      PrivateDnsEnabled: false,
      SubnetIds: [0, 1, 2].map(() => ({ Ref: Match.stringLikeRegexp('^NetworkVpcbridgeSubnet') })),
    });
  });

  test('its security group admits the bridge VPC and, being reachable from workloads, the workload VPC on 443 only', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('provider-2'),
      SecurityGroupIngress: [
        Match.objectLike({ CidrIp: '10.11.0.0/20', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 }),
        Match.objectLike({ CidrIp: '10.10.0.0/16', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 }),
      ],
    });
  });
});

describe('gateway endpoints', () => {
  test('S3 and DynamoDB gateway endpoints serve the bridge subnets only', () => {
    for (const service of ['s3', 'dynamodb']) {
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Gateway',
        ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, `.${service}`]] },
        RouteTableIds: routeTablesOf(template, 'bridge').map((id) => ({ Ref: id })),
      });
    }
  });

  test('the DynamoDB endpoint admits the bridge account and exactly the configured provider tables and actions', () => {
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.dynamodb']] },
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Action: 'dynamodb:*', Condition: { StringEquals: { 'aws:ResourceAccount': '111111111104' } } }),
          Match.objectLike({
            Action: ['dynamodb:BatchGetItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query'],
            Resource: ['arn:aws:dynamodb:us-east-1:999999999902:table/paradigm-study-results', 'arn:aws:dynamodb:us-east-1:999999999902:table/paradigm-study-results/index/by-study'],
          }),
        ],
        Version: '2012-10-17',
      },
    });
  });
});

describe('data-exchange bucket', () => {
  test('is KMS-encrypted, versioned, logged to a separate bucket, public access blocked, owner-enforced and retained', () => {
    const buckets = template.findResources('AWS::S3::Bucket', {
      Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) })] } },
    });
    const [id, bucket] = Object.entries(buckets)[0] as [string, any];
    expect(Object.keys(buckets)).toEqual([id]);
    expect(bucket).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.stringMatching(/^DataExchangeAccessLogs/) }, LogFilePrefix: 'data-exchange/' },
    });
  });

  test('denies every request without TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^DataExchangeBucket') },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });
});

describe('roles', () => {
  test('no trust policy has a wildcard principal', () => {
    for (const statement of statements(template, 'AWS::IAM::Role', 'AssumeRolePolicyDocument')) {
      expect(JSON.stringify(statement.Principal)).not.toMatch(/"\*"/);
    }
  });

  test.each([
    ['provider-1', { AWS: 'arn:aws:iam::999999999901:root' }, 'paradigm-provider-1-7f3c9a2e41d8'],
    ['provider-2', { AWS: 'arn:aws:iam::999999999902:role/paradigm-data-exchange' }, 'paradigm-provider-2-c81b05d9e6a4'],
  ])('the inbound role of %s is pinned to the provider and requires its sts:ExternalId', (name, principal, externalId) => {
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: `saas-dev-${name}-inbound`,
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: principal, Condition: { StringEquals: { 'sts:ExternalId': externalId } } }],
        Version: '2012-10-17',
      },
    });
  });

  test('inbound permissions reach only the provider prefix of the data-exchange bucket and its key through S3', () => {
    const policy = Object.values(template.findResources('AWS::IAM::ManagedPolicy')).find((p: any) => p.Properties.Description === 'Data exchange of provider-2') as any;
    const [list, objects, key] = policy.Properties.PolicyDocument.Statement;
    expect(list).toMatchObject({ Action: 's3:ListBucket', Condition: { StringLike: { 's3:prefix': ['providers/provider-2/', 'providers/provider-2/*'] } } });
    // provider-2 has write access only: no GetObject.
    expect([...objects.Action].sort()).toEqual(['s3:AbortMultipartUpload', 's3:ListMultipartUploadParts', 's3:PutObject']);
    expect(JSON.stringify(objects.Resource)).toMatch(/\/providers\/provider-2\/\*"/);
    expect([...key.Action].sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(key).toMatchObject({ Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } });
    expect(key.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^DataExchangeKey/), 'Arn'] });
  });

  test('the outbound DynamoDB chain: the workload account assumes the bridge role, which assumes only the provider role with its external id', () => {
    const roles = template.findResources('AWS::IAM::Role', { Properties: { RoleName: 'saas-dev-provider-2-dynamodb' } });
    const [role] = Object.values(roles) as any[];
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([{
      Action: 'sts:AssumeRole',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111103:root' },
      Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111103:role/*' } },
    }]);
    const policyId = role.Properties.ManagedPolicyArns[0].Ref;
    template.hasResource('AWS::IAM::ManagedPolicy', {
      Properties: Match.objectLike({
        PolicyDocument: {
          Statement: [{
            Sid: 'AssumeProviderTableRole',
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Resource: 'arn:aws:iam::999999999902:role/paradigm-table-access',
            Condition: { StringEquals: { 'sts:ExternalId': 'provider-2-issued-3e9d41a07b52' } },
          }],
          Version: '2012-10-17',
        },
      }),
    });
    expect(Object.keys(template.findResources('AWS::IAM::ManagedPolicy'))).toContain(policyId);
    template.resourcePropertiesCountIs('AWS::IAM::Role', { RoleName: 'saas-dev-provider-1-dynamodb' }, 0);
  });

  test('outputs the ARNs to hand to providers and to workloads', () => {
    const descriptions = Object.values(template.findOutputs('*')).map((o: any) => o.Description);
    expect(descriptions).toEqual(expect.arrayContaining([
      'Give this ARN to provider-1, with its external id',
      'Give this ARN to provider-2, with its external id',
      "Workload roles assume this role to reach provider-2's DynamoDB tables",
    ]));
  });

  test('the session policy output limits the provider session to the configured tables and actions', () => {
    const outputs = template.findOutputs('*', { Description: Match.stringLikeRegexp('^Session policy') });
    const [output] = Object.values(outputs) as any[];
    expect(JSON.parse(output.Value)).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'ConfiguredTablesOnly',
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'],
        Resource: ['arn:aws:dynamodb:us-east-1:999999999902:table/paradigm-study-results', 'arn:aws:dynamodb:us-east-1:999999999902:table/paradigm-study-results/index/by-study'],
      }],
    });
  });
});
