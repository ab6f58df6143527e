/** Every cross-check the loader runs after the schema, in the order their problems are listed. */
import { checkArchiveTiers } from './audit';
import { checkCidrOverlaps } from './cidrs';
import { checkAccounts, checkApprovals, checkEnvironmentNames } from './core';
import { checkAllowedPrefixes, checkAsns, checkAutoAccept, checkHubRegion, checkPeerAddresses, checkVlans } from './network';
import type { TopologyCheck } from './raw';
import { checkProviderArns, checkProviderNames, checkProviderRouting } from './saas';
import { checkAnalyticsCidrs, checkWorkloadSizes } from './workload';

export const CROSS_CHECKS: readonly TopologyCheck[] = [
  checkEnvironmentNames,
  checkAccounts,
  checkApprovals,
  checkCidrOverlaps,
  checkProviderNames,
  checkProviderArns,
  checkProviderRouting,
  checkWorkloadSizes,
  checkAnalyticsCidrs,
  checkAutoAccept,
  checkHubRegion,
  checkAsns,
  checkVlans,
  checkPeerAddresses,
  checkAllowedPrefixes,
  checkArchiveTiers,
];
