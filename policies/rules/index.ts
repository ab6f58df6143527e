/** Every rule of the Paradigm pack, in report order. One rule per file; the file name is the rule name. */
import { AuditArchiveObjectLock } from './data/AuditArchiveObjectLock';
import { KmsKeyRotation } from './data/KmsKeyRotation';
import { StatefulResourceRetained } from './data/StatefulResourceRetained';
import { RequiredTags } from './governance/RequiredTags';
import { CrossAccountTrustCondition } from './iam/CrossAccountTrustCondition';
import { OidcTrustPinned } from './iam/OidcTrustPinned';
import { LogGroupEncryptedRetained } from './logging/LogGroupEncryptedRetained';
import { DirectConnectAllowedPrefixes } from './network/DirectConnectAllowedPrefixes';
import { PeeringRouteToProviders } from './network/PeeringRouteToProviders';
import { SecurityGroupNoOpenIngress } from './network/SecurityGroupNoOpenIngress';
import { TransitGatewayNoAutoAccept } from './network/TransitGatewayNoAutoAccept';
import { TransitGatewayNoDefaultAssociation } from './network/TransitGatewayNoDefaultAssociation';
import { TransitGatewayNoDefaultPropagation } from './network/TransitGatewayNoDefaultPropagation';
import type { ParadigmRule } from '../paradigm/rule';

export const PARADIGM_RULES: readonly ParadigmRule[] = [
  TransitGatewayNoDefaultAssociation,
  TransitGatewayNoDefaultPropagation,
  TransitGatewayNoAutoAccept,
  DirectConnectAllowedPrefixes,
  PeeringRouteToProviders,
  SecurityGroupNoOpenIngress,
  CrossAccountTrustCondition,
  OidcTrustPinned,
  AuditArchiveObjectLock,
  StatefulResourceRetained,
  KmsKeyRotation,
  LogGroupEncryptedRetained,
  RequiredTags,
];

export {
  AuditArchiveObjectLock, CrossAccountTrustCondition, DirectConnectAllowedPrefixes, KmsKeyRotation, LogGroupEncryptedRetained,
  OidcTrustPinned, PeeringRouteToProviders, RequiredTags, SecurityGroupNoOpenIngress, StatefulResourceRetained,
  TransitGatewayNoAutoAccept, TransitGatewayNoDefaultAssociation, TransitGatewayNoDefaultPropagation,
};
export { REQUIRED_TAGS } from './governance/RequiredTags';
