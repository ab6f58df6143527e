import { Tags } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance } from 'cdk-nag';
import { RequiredTags } from '../../policies';
import { applyAspects, evaluate, resource, testStack } from '../support/policy-stack';

const ALL = { DataClassification: 'phi', Environment: 'dev', Owner: 'platform', CostCenter: 'cc-1' };

describe('RequiredTags', () => {
  test('Compliance: tags applied to the stack with Tags.of reach the resource', () => {
    const stack = testStack();
    const bucket = new s3.Bucket(stack, 'B');
    for (const [k, v] of Object.entries(ALL)) Tags.of(stack).add(k, v);
    applyAspects(stack);
    expect(evaluate(RequiredTags, bucket.node.defaultChild as s3.CfnBucket)).toEqual([]);
  });
  test('not applicable to types that cannot be tagged', () => {
    expect(evaluate(RequiredTags, new s3.CfnBucketPolicy(testStack(), 'P', { bucket: 'b', policyDocument: {} }))).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
  test('Noncompliance 1: no tags at all names every missing tag', () => {
    expect(evaluate(RequiredTags, new s3.CfnBucket(testStack(), 'B'))).toEqual(['DataClassification', 'Environment', 'Owner', 'CostCenter']);
  });
  test('Noncompliance 2: one tag missing, one empty', () => {
    const bucket = new s3.CfnBucket(testStack(), 'B', { tags: [{ key: 'DataClassification', value: 'phi' }, { key: 'Environment', value: 'dev' }, { key: 'Owner', value: '' }] });
    expect(evaluate(RequiredTags, bucket)).toEqual(['Owner', 'CostCenter']);
  });
  test('raw CfnResource of a taggable type without a tag manager is not applicable', () => {
    expect(evaluate(RequiredTags, resource('AWS::S3::Bucket', {}))).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
