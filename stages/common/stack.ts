import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ROLE_INFO, stackName, type AccountRole } from '../../accounts';

export interface PlatformStackProps extends StackProps {
  readonly environmentName: string;
  readonly role: AccountRole;
}

/** A stack named from `accounts/roles.ts`, with termination protection on. */
export class PlatformStack extends Stack {
  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, {
      ...props,
      stackName: stackName(props.environmentName, props.role),
      description: `Paradigm Platform - ${ROLE_INFO[props.role].title} account of ${props.environmentName}`,
      terminationProtection: true,
    });
  }
}
