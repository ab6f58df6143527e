import { Stack, Token } from 'aws-cdk-lib';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { HUB_PARAMETER_KEYS, hubParameterArn, type Segment } from './platform-names';
import type { EnvironmentConfig } from '../../accounts';

const ID = 'HubValues';

/**
 * The network hub's ids in a spoke stack, read at deploy time from the SSM parameters that the hub
 * publishes and shares with the environment's spoke accounts through RAM. Each value becomes a
 * CloudFormation parameter of type `AWS::SSM::Parameter::Value<String>` whose default is the shared
 * parameter's ARN (CloudFormation dynamic references do not accept shared-parameter ARNs). Nobody
 * copies ids between deploys: the ARNs derive from the topology (hub account, region, environment).
 *
 * Use `HubValues.import(stack, environment)`; it returns the stack's one instance.
 */
export class HubValues extends Construct {
  /** The hub values of `environment` in `scope`'s stack (created on first use). */
  public static import(scope: Construct, environment: EnvironmentConfig): HubValues {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(ID) as HubValues | undefined;
    if (existing) {
      if (existing.environmentName !== environment.name) {
        throw new Error(`${stack.node.path} already reads the network hub of "${existing.environmentName}", not "${environment.name}". Fix: a spoke stack belongs to one environment; pass that environment.`);
      }
      return existing;
    }
    return new HubValues(stack, ID, environment);
  }

  public readonly environmentName: string;
  private readonly environment: EnvironmentConfig;
  private readonly values = new Map<string, string>();

  private constructor(scope: Stack, id: string, environment: EnvironmentConfig) {
    super(scope, id);
    const hubRegion = environment.accounts.networkHub.region;
    if (!Token.isUnresolved(scope.region) && scope.region !== hubRegion) {
      throw new Error(`${scope.node.path} is in ${scope.region} but the network hub of "${environment.name}" is in ${hubRegion}. Fix: deploy spokes in the hub's region (Transit Gateways and shared parameters are regional).`);
    }
    this.environmentName = environment.name;
    this.environment = environment;
  }

  /** Id of the environment's Transit Gateway. */
  public get transitGatewayId(): string {
    return this.read('TransitGatewayId', HUB_PARAMETER_KEYS.transitGatewayId);
  }

  /** Id of the Transit Gateway route table of `segment`. */
  public routeTableId(segment: Segment): string {
    return this.read(`${segment[0].toUpperCase()}${segment.slice(1)}RouteTableId`, HUB_PARAMETER_KEYS.routeTable(segment));
  }

  /** Each value becomes a template parameter on first use only (an unused parameter fails validation). */
  private read(id: string, key: string): string {
    let value = this.values.get(key);
    if (value === undefined) {
      value = ssm.StringParameter.fromStringParameterArn(this, id, hubParameterArn(this.environment, key, Stack.of(this).partition)).stringValue;
      this.values.set(key, value);
    }
    return value;
  }
}
