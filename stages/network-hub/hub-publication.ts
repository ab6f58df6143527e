import { Stack } from 'aws-cdk-lib';
import * as ram from 'aws-cdk-lib/aws-ram';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { HUB_PARAMETER_KEYS, SEGMENTS, type Segment } from '../common/platform-names';

export interface HubPublicationProps {
  /** Name of the environment, used in names and descriptions. */
  readonly environmentName: string;
  /** Builds the name of a published parameter from its key (see `hubParameterName`). */
  readonly parameterName: (key: string) => string;
  /** The Transit Gateway to share and publish. */
  readonly transitGatewayId: string;
  /** Route table id of every segment. */
  readonly routeTableIds: Readonly<Record<Segment, string>>;
  /** Spoke accounts of the same environment, the only principals of the share. */
  readonly spokeAccounts: readonly string[];
  /**
   * Allow principals outside the AWS Organization (needed when the accounts are not in one organization;
   * they then accept the share invitation once).
   * @default false
   */
  readonly allowExternalPrincipals?: boolean;
}

/**
 * Publishes the hub's ids as advanced-tier SSM parameters and shares the Transit Gateway and those
 * parameters through one RAM resource share with the environment's spoke accounts only. Spokes read
 * the shared parameters by ARN as CloudFormation parameters (HubValues): CloudFormation resolves them
 * at deploy time, and dynamic references do not accept shared-parameter ARNs.
 */
export class HubPublication extends Construct {
  public readonly share: ram.CfnResourceShare;
  public readonly parameters: readonly ssm.StringParameter[];

  constructor(scope: Construct, id: string, props: HubPublicationProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const values: [string, string, string][] = [
      ['TransitGatewayId', HUB_PARAMETER_KEYS.transitGatewayId, props.transitGatewayId],
      ...SEGMENTS.map((s): [string, string, string] => [`${s[0].toUpperCase()}${s.slice(1)}RouteTableId`, HUB_PARAMETER_KEYS.routeTable(s), props.routeTableIds[s]]),
    ];
    this.parameters = values.map(([cid, key, value]) => new ssm.StringParameter(this, cid, {
      parameterName: props.parameterName(key),
      stringValue: value,
      // Only advanced-tier parameters can be shared through AWS RAM.
      tier: ssm.ParameterTier.ADVANCED,
      description: `Paradigm ${props.environmentName} network hub: ${key} (shared with the spoke accounts)`,
    }));
    this.share = new ram.CfnResourceShare(this, 'Share', {
      name: `paradigm-${props.environmentName}-network-hub`,
      allowExternalPrincipals: props.allowExternalPrincipals ?? false,
      principals: [...props.spokeAccounts],
      resourceArns: [
        stack.formatArn({ service: 'ec2', resource: 'transit-gateway', resourceName: props.transitGatewayId }),
        ...this.parameters.map((p) => p.parameterArn),
      ],
    });
  }
}
