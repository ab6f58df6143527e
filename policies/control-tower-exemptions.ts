/**
 * The Control Tower proactive controls the platform turns off, each with its reason. This is the only
 * place a control is disabled; everything else is fixed in the stage or acknowledged next to the construct.
 * Keys are the rule file names of @cdklabs/cdk-validator-cfnguard (`ct-<service>-pr-<n>`).
 */
export const CONTROL_TOWER_EXEMPTIONS: Readonly<Record<string, string>> = {
  'ct-s3-pr-4': 'CT.S3.PR.4 (S3 event notifications): no platform bucket has an event consumer; object-level activity is recorded by CloudTrail data events and S3 server access logs into the audit account, which is the evidence HIPAA 164.312(b) asks for.',
};
