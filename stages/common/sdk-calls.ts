import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledge } from './acknowledge';
import { EncryptionKey } from './encrypted-key';
import { sdkCallsRoleName } from './platform-names';

const ID = 'PlatformSdkCalls';
/** Construct id CDK gives the one AWS SDK provider function of a stack. */
const PROVIDER_ID = `AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`;

/**
 * The one AWS SDK call provider of a stack (CDK shares a single function per stack among all
 * `AwsCustomResource`s): its role has a customer managed policy that callers extend with exactly
 * the actions they need, and it logs into a KMS-encrypted log group with retention. Get it with
 * `SdkCalls.of(stack)`, allow actions with `allow`, and run calls with `call`.
 */
export class SdkCalls extends Construct {
  /** The stack's SdkCalls, created on first use. */
  public static of(scope: Construct): SdkCalls {
    const stack = Stack.of(scope);
    return (stack.node.tryFindChild(ID) as SdkCalls | undefined) ?? new SdkCalls(stack, ID);
  }

  public readonly role: iam.Role;
  /** The provider's policy (callers acknowledge findings about what they add on it). */
  public readonly policy: iam.ManagedPolicy;
  private readonly logGroup: logs.LogGroup;
  private readonly functionName: string;
  private acknowledged = false;

  private constructor(scope: Stack, id: string) {
    super(scope, id);
    this.functionName = `${scope.stackName}-sdk-calls`.slice(0, 64);
    const logGroupName = `/aws/lambda/${this.functionName}`;
    const key = new EncryptionKey(this, 'LogKey', { alias: `${scope.stackName}/sdk-call-logs`, description: `Encrypts the logs of the AWS SDK calls of ${scope.stackName}` }).key;
    const logGroupArn = scope.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsForThisLogGroupOnly',
      principals: [new iam.ServicePrincipal(`logs.${scope.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
    }));
    this.logGroup = new logs.LogGroup(this, 'LogGroup', { logGroupName, encryptionKey: key, retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      statements: [new iam.PolicyStatement({ sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn] })],
    });
    this.role = new iam.Role(this, 'Role', {
      roleName: sdkCallsRoleName(scope.stackName),
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the AWS SDK calls of ${scope.stackName}`,
      managedPolicies: [this.policy],
    });
  }

  /** Adds `statement` to the provider's policy. */
  public allow(statement: iam.PolicyStatement): void {
    this.policy.addStatements(statement);
  }

  /** Runs the SDK calls of `props` as a custom resource under `scope`. */
  public call(scope: Construct, id: string, props: Pick<cr.AwsCustomResourceProps, 'onCreate' | 'onUpdate' | 'onDelete'>): cr.AwsCustomResource {
    const resource = new cr.AwsCustomResource(scope, id, {
      ...props,
      role: this.role.withoutPolicyUpdates(),
      logGroup: this.logGroup,
      functionName: this.functionName,
      timeout: Duration.minutes(2),
      installLatestAwsSdk: false,
    });
    resource.node.addDependency(this.policy);
    this.acknowledgeProvider();
    return resource;
  }

  private acknowledgeProvider(): void {
    if (this.acknowledged) return;
    const provider = Stack.of(this).node.tryFindChild(PROVIDER_ID);
    if (!provider) return;
    this.acknowledged = true;
    acknowledge(provider, 'AwsSolutions::AwsSolutions-L1', 'The runtime of the AWS SDK provider function is chosen by aws-cdk-lib and moves forward with each aws-cdk-lib upgrade; the function code is not ours to port.');
    acknowledge(provider, 'cdk-validator-cfnguard::lambda_inside_vpc_check', 'CT.LAMBDA.PR.3: the function only calls AWS control-plane APIs at deploy time (CloudFormation custom resource); it handles no data and needs no VPC.');
    for (const pack of ['HIPAA.Security', 'NIST.800.53.R5']) {
      acknowledge(provider, `${pack}::${pack}-LambdaInsideVPC`, 'The function only calls AWS control-plane APIs at deploy time (CloudFormation custom resource); it handles no data and needs no VPC.');
      acknowledge(provider, `${pack}::${pack}-LambdaConcurrency`, 'Invoked only by CloudFormation during deploys of this stack, a few times per deploy; a concurrency reservation would not bound any real load.');
      acknowledge(provider, `${pack}::${pack}-LambdaDLQ`, 'Invoked synchronously by CloudFormation, which records every failure in the stack events and rolls the deploy back; a dead-letter queue would receive nothing.');
    }
  }
}
