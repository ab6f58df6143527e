import { Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { PERMISSIONS_BOUNDARY_NAME, ROLE_INFO, stackName, type AccountRole } from '../../accounts';

export interface PlatformStackProps extends StackProps {
  readonly environmentName: string;
  readonly role: AccountRole;
}

/**
 * A stack named from `accounts/roles.ts`, with termination protection on, whose every IAM role gets the
 * account's permissions boundary (created by the account's GitHub access stack; the CloudFormation
 * execution policy refuses to create a role without it).
 */
export class PlatformStack extends Stack {
  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, {
      ...props,
      stackName: stackName(props.environmentName, props.role),
      description: `Paradigm Platform - ${ROLE_INFO[props.role].title} account of ${props.environmentName}`,
      terminationProtection: true,
    });
    iam.PermissionsBoundary.of(this).apply(iam.ManagedPolicy.fromManagedPolicyName(this, 'PermissionsBoundary', PERMISSIONS_BOUNDARY_NAME));
  }
}
