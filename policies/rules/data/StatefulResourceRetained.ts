import { CfnDeletionPolicy } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import type { ParadigmRule } from '../../paradigm/rule';

/** Resource types that hold data or the means to read it, and the deletion policies that keep it. */
const KEEPS_DATA: Readonly<Record<string, readonly CfnDeletionPolicy[]>> = {
  'AWS::S3::Bucket': [CfnDeletionPolicy.RETAIN],
  'AWS::KMS::Key': [CfnDeletionPolicy.RETAIN],
  'AWS::Logs::LogGroup': [CfnDeletionPolicy.RETAIN],
  'AWS::RDS::DBCluster': [CfnDeletionPolicy.RETAIN, CfnDeletionPolicy.SNAPSHOT],
  'AWS::RDS::DBInstance': [CfnDeletionPolicy.RETAIN, CfnDeletionPolicy.SNAPSHOT],
  'AWS::Redshift::Cluster': [CfnDeletionPolicy.RETAIN, CfnDeletionPolicy.SNAPSHOT],
  'AWS::DynamoDB::Table': [CfnDeletionPolicy.RETAIN],
  'AWS::DynamoDB::GlobalTable': [CfnDeletionPolicy.RETAIN],
  'AWS::EFS::FileSystem': [CfnDeletionPolicy.RETAIN],
  'AWS::Backup::BackupVault': [CfnDeletionPolicy.RETAIN],
  'AWS::SecretsManager::Secret': [CfnDeletionPolicy.RETAIN],
};

export const StatefulResourceRetained: ParadigmRule = {
  name: 'StatefulResourceRetained',
  info: 'A stateful resource (S3, KMS key, log group, RDS, Redshift, DynamoDB, EFS, Backup vault, secret) has neither a Retain nor (where the service supports it) a Snapshot deletion and update-replace policy.',
  explanation: 'A deploy must never destroy data: removing the resource from a template or replacing it has to leave the data, or a final snapshot, behind.',
  level: NagMessageLevel.ERROR,
  hipaa: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
  check: (node) => {
    const allowed = KEEPS_DATA[node.cfnResourceType];
    if (!allowed) return NagRuleCompliance.NOT_APPLICABLE;
    const { deletionPolicy, updateReplacePolicy } = node.cfnOptions;
    const kept = (p: CfnDeletionPolicy | undefined) => p !== undefined && allowed.includes(p);
    return kept(deletionPolicy) && kept(updateReplacePolicy) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
