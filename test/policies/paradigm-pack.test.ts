import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ParadigmChecks, readPolicyResults } from '../../policies';
import { OWN_ACCOUNT } from '../support/policy-stack';

function hubStack(app: App): { stack: Stack; gateway: ec2.CfnTransitGateway } {
  const stack = new Stack(app, 'Hub', { env: { account: OWN_ACCOUNT, region: 'eu-west-1' } });
  const gateway = new ec2.CfnTransitGateway(stack, 'Tgw', { autoAcceptSharedAttachments: 'enable', defaultRouteTableAssociation: 'disable', defaultRouteTablePropagation: 'disable' });
  return { stack, gateway };
}

describe('ParadigmChecks', () => {
  test('reports findings as Paradigm-<Rule>, and one finding per missing tag', () => {
    const { stack } = hubStack(new App({ builtinCloudFormationValidation: false }));
    const report = new ParadigmChecks().validateScope(stack);
    expect(report.violations.map((v) => v.ruleName).sort()).toEqual([
      'Paradigm-RequiredTags[CostCenter]', 'Paradigm-RequiredTags[DataClassification]', 'Paradigm-RequiredTags[Environment]', 'Paradigm-RequiredTags[Owner]',
      'Paradigm-TransitGatewayNoAutoAccept',
    ]);
    expect(report.violations.every((v) => v.severity === 'error')).toBe(true);
  });

  test('the log retention minimum comes from the pack props', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Logs');
    new logs.CfnLogGroup(stack, 'G', { kmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/1', retentionInDays: 90 });
    const rule = (pack: ParadigmChecks) => pack.validateScope(stack).violations.filter((v) => v.ruleName === 'Paradigm-LogGroupEncryptedRetained');
    expect(rule(new ParadigmChecks())).toHaveLength(1);
    expect(rule(new ParadigmChecks(undefined, { minimumLogRetentionDays: 90 }))).toHaveLength(0);
  });

  test('as a validation plugin, a qualified acknowledgement suppresses the finding and records its reason', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'paradigm-pack-'));
    const app = new App({ builtinCloudFormationValidation: false, outdir });
    const { gateway } = hubStack(app);
    Validations.of(gateway).acknowledge({ id: 'Paradigm::Paradigm-TransitGatewayNoAutoAccept', reason: 'Topology networkHub.autoAcceptSharedAttachments is true for this sandbox environment.' });
    for (const tag of ['CostCenter', 'DataClassification', 'Environment', 'Owner']) {
      Validations.of(gateway).acknowledge({ id: `Paradigm::Paradigm-RequiredTags[${tag}]`, reason: 'Test stack: tags are applied by the platform stages, not here.' });
    }
    Validations.of(app).addPlugins(new ParadigmChecks(app));
    app.synth();
    const results = readPolicyResults(outdir);
    expect(results.findings).toEqual([]);
    expect(results.acknowledged).toContainEqual(expect.objectContaining({
      source: 'Paradigm', rule: 'Paradigm-TransitGatewayNoAutoAccept', constructPath: 'Hub/Tgw', reason: expect.stringContaining('autoAcceptSharedAttachments'),
    }));
  });

  test('fails synth on an unacknowledged finding', () => {
    const app = new App({ builtinCloudFormationValidation: false, outdir: mkdtempSync(join(tmpdir(), 'paradigm-pack-')) });
    hubStack(app);
    Validations.of(app).addPlugins(new ParadigmChecks(app));
    expect(() => app.synth()).toThrow(/Acknowledge with 'Paradigm::Paradigm-TransitGatewayNoAutoAccept'/);
  });
});
