import { CfnDeletionPolicy, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance } from 'cdk-nag';
import { AUDIT_ARCHIVE_TAG, AuditArchiveObjectLock, KmsKeyRotation, LogGroupEncryptedRetained, markAuditArchive, StatefulResourceRetained } from '../../policies';
import { applyAspects, DEFAULT_SETTINGS, evaluate, resource, testStack } from '../support/policy-stack';

const { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE } = NagRuleCompliance;
const ARCHIVE_TAG = [{ Key: AUDIT_ARCHIVE_TAG.key, Value: AUDIT_ARCHIVE_TAG.value }];
const LOCKED = {
  ObjectLockEnabled: true,
  ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2190 } } },
  VersioningConfiguration: { Status: 'Enabled' },
};

describe('AuditArchiveObjectLock', () => {
  test('Compliance: the marked archive with compliance-mode Object Lock and versioning (L2 bucket)', () => {
    const stack = testStack();
    const bucket = new s3.Bucket(stack, 'Archive', { versioned: true, objectLockEnabled: true, objectLockDefaultRetention: s3.ObjectLockRetention.compliance(Duration.days(2190)) });
    markAuditArchive(bucket);
    applyAspects(stack);
    expect(evaluate(AuditArchiveObjectLock, bucket.node.defaultChild as s3.CfnBucket)).toBe(COMPLIANT);
  });
  test('not applicable to buckets that are not the archive', () => {
    expect(evaluate(AuditArchiveObjectLock, resource('AWS::S3::Bucket', {}))).toBe(NOT_APPLICABLE);
  });
  test('Noncompliance 1: no Object Lock', () => {
    expect(evaluate(AuditArchiveObjectLock, resource('AWS::S3::Bucket', { Tags: ARCHIVE_TAG, VersioningConfiguration: { Status: 'Enabled' } }))).toBe(NON_COMPLIANT);
  });
  test('Noncompliance 2: governance mode', () => {
    const governance = { ...LOCKED, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } } } };
    expect(evaluate(AuditArchiveObjectLock, resource('AWS::S3::Bucket', { Tags: ARCHIVE_TAG, ...governance }))).toBe(NON_COMPLIANT);
  });
  test('Noncompliance 3: versioning suspended', () => {
    expect(evaluate(AuditArchiveObjectLock, resource('AWS::S3::Bucket', { Tags: ARCHIVE_TAG, ...LOCKED, VersioningConfiguration: { Status: 'Suspended' } }))).toBe(NON_COMPLIANT);
  });
});

describe('StatefulResourceRetained', () => {
  test('Compliance: RETAIN and SNAPSHOT removal policies', () => {
    const stack = testStack();
    const bucket = new s3.Bucket(stack, 'B', { removalPolicy: RemovalPolicy.RETAIN });
    expect(evaluate(StatefulResourceRetained, bucket.node.defaultChild as s3.CfnBucket)).toBe(COMPLIANT);
    const cluster = resource('AWS::Redshift::Cluster', {});
    cluster.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);
    expect(evaluate(StatefulResourceRetained, cluster)).toBe(COMPLIANT);
  });
  test('not applicable to stateless resources', () => expect(evaluate(StatefulResourceRetained, resource('AWS::SNS::Topic', {}))).toBe(NOT_APPLICABLE));
  test('Noncompliance 1: a bucket with DESTROY', () => {
    const bucket = new s3.Bucket(testStack(), 'B', { removalPolicy: RemovalPolicy.DESTROY });
    expect(evaluate(StatefulResourceRetained, bucket.node.defaultChild as s3.CfnBucket)).toBe(NON_COMPLIANT);
  });
  test('Noncompliance 2: a DynamoDB table without any policy', () => {
    expect(evaluate(StatefulResourceRetained, resource('AWS::DynamoDB::Table', {}))).toBe(NON_COMPLIANT);
  });
  test('Noncompliance 3: SNAPSHOT on a type that has no snapshot (KMS key)', () => {
    const key = resource('AWS::KMS::Key', {});
    key.cfnOptions.deletionPolicy = CfnDeletionPolicy.SNAPSHOT;
    key.cfnOptions.updateReplacePolicy = CfnDeletionPolicy.SNAPSHOT;
    expect(evaluate(StatefulResourceRetained, key)).toBe(NON_COMPLIANT);
  });
  test('Noncompliance 4: retained on deletion but not on replacement', () => {
    const secret = resource('AWS::SecretsManager::Secret', {});
    secret.cfnOptions.deletionPolicy = CfnDeletionPolicy.RETAIN;
    expect(evaluate(StatefulResourceRetained, secret)).toBe(NON_COMPLIANT);
  });
});

describe('KmsKeyRotation', () => {
  test('Compliance: rotation on (L2 key)', () => {
    const key = new kms.Key(testStack(), 'K', { enableKeyRotation: true });
    expect(evaluate(KmsKeyRotation, key.node.defaultChild as kms.CfnKey)).toBe(COMPLIANT);
  });
  test('not applicable to asymmetric keys', () => expect(evaluate(KmsKeyRotation, resource('AWS::KMS::Key', { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }))).toBe(NOT_APPLICABLE));
  test('Noncompliance 1: rotation left off', () => expect(evaluate(KmsKeyRotation, resource('AWS::KMS::Key', {}))).toBe(NON_COMPLIANT));
  test('Noncompliance 2: rotation explicitly off on a symmetric key', () => {
    expect(evaluate(KmsKeyRotation, resource('AWS::KMS::Key', { KeySpec: 'SYMMETRIC_DEFAULT', EnableKeyRotation: false }))).toBe(NON_COMPLIANT);
  });
});

describe('LogGroupEncryptedRetained', () => {
  const key = 'arn:aws:kms:eu-west-1:111111111111:key/1';
  test('Compliance: KMS key and one year (L2 log group)', () => {
    const stack = testStack();
    const group = new logs.LogGroup(stack, 'G', { encryptionKey: new kms.Key(stack, 'K'), retention: logs.RetentionDays.ONE_YEAR });
    expect(evaluate(LogGroupEncryptedRetained, group.node.defaultChild as logs.CfnLogGroup)).toBe(COMPLIANT);
  });
  test('Compliance: never expire', () => expect(evaluate(LogGroupEncryptedRetained, resource('AWS::Logs::LogGroup', { KmsKeyId: key }))).toBe(COMPLIANT));
  test('Noncompliance 1: no KMS key', () => expect(evaluate(LogGroupEncryptedRetained, resource('AWS::Logs::LogGroup', { RetentionInDays: 365 }))).toBe(NON_COMPLIANT));
  test('Noncompliance 2: retention below the minimum', () => {
    expect(evaluate(LogGroupEncryptedRetained, resource('AWS::Logs::LogGroup', { KmsKeyId: key, RetentionInDays: 90 }))).toBe(NON_COMPLIANT);
  });
  test('the minimum comes from the pack settings', () => {
    expect(evaluate(LogGroupEncryptedRetained, resource('AWS::Logs::LogGroup', { KmsKeyId: key, RetentionInDays: 90 }), { ...DEFAULT_SETTINGS, minimumLogRetentionDays: 90 })).toBe(COMPLIANT);
  });
});
