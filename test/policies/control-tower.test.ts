import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { controlTowerValidator, readPolicyResults } from '../../policies';
import { OWN_ACCOUNT } from '../support/policy-stack';

function keyApp(): { app: App; key: kms.Key } {
  const app = new App({ builtinCloudFormationValidation: false, outdir: mkdtempSync(join(tmpdir(), 'paradigm-ct-')) });
  const stack = new Stack(app, 'Keys', { env: { account: OWN_ACCOUNT, region: 'eu-west-1' } });
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
  new sns.Topic(stack, 'Topic', { masterKey: key });
  Validations.of(app).addPlugins(controlTowerValidator());
  return { app, key };
}

describe('Control Tower validator', () => {
  test('gives cfn-guard only the controls whose resource types occur', () => {
    const validator = controlTowerValidator();
    const controls = validator.controlsFor(new Set(['AWS::KMS::Key', 'AWS::SNS::Topic']));
    expect(controls.map((c) => c.id).sort()).toEqual(expect.arrayContaining(['CT.KMS.PR.1', 'CT.KMS.PR.2', 'CT.KMS.PR.3']));
    expect(controls.every((c) => c.resourceTypes.some((t) => t === 'AWS::KMS::Key' || t === 'AWS::SNS::Topic'))).toBe(true);
    expect(validator.controlsFor(new Set(['AWS::CloudFormation::WaitConditionHandle']))).toEqual([]);
  });

  test('fails synth on a key whose policy lets anyone create grants (CT.KMS.PR.3)', () => {
    expect(() => keyApp().app.synth()).toThrow(/CT\.KMS\.PR\.3[\s\S]*Acknowledge with 'cdk-validator-cfnguard::kms_create_grant_aws_service_check'/);
  });

  test('Validations.acknowledge with the plugin namespace and guard rule name records the finding as acknowledged', () => {
    const { app, key } = keyApp();
    Validations.of(key).acknowledge({ id: 'cdk-validator-cfnguard::kms_create_grant_aws_service_check', reason: 'Test key: grants are not part of this test.' });
    app.synth();
    const results = readPolicyResults(app.outdir);
    expect(results.findings).toEqual([]);
    expect(results.acknowledged).toEqual([expect.objectContaining({ source: 'cdk-validator-cfnguard', rule: 'kms_create_grant_aws_service_check', constructPath: 'Keys/Key/Resource' })]);
  });
});
