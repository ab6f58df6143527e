import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { buildComplianceReport, COMPLIANCE_REPORT_FILES, ParadigmChecks, PARADIGM_RULES, readPolicyResults, type ComplianceReport } from '../../policies';
import { exampleFile, exampleIndex } from '../support/example';
import { OWN_ACCOUNT } from '../support/policy-stack';

describe('the compliance report of the example', () => {
  const report = JSON.parse(readFileSync(exampleFile(COMPLIANCE_REPORT_FILES.json), 'utf8')) as ComplianceReport;
  const markdown = readFileSync(exampleFile(COMPLIANCE_REPORT_FILES.markdown), 'utf8');

  test('is written next to the cloud assembly as JSON and Markdown', () => {
    expect(existsSync(exampleFile('manifest.json'))).toBe(true);
    expect(markdown).toMatch(/^# Compliance report/);
  });

  test('covers every stack of every environment with all six rule sources and explains each number', () => {
    const stacks = exampleIndex().environments.flatMap((e) => e.stages.flatMap((s) => s.stacks));
    expect(report.stacks.map((s) => s.stackName).sort()).toEqual([...stacks].sort());
    const sources = ['CloudFormation-Validate', 'AwsSolutions', 'HIPAA.Security', 'NIST.800.53.R5', 'Paradigm', 'cdk-validator-cfnguard'];
    for (const s of report.stacks) expect(s.packs.map((p) => p.pack)).toEqual(sources);
    expect(Object.keys(report.methods)).toEqual(sources);
  });

  test('nothing failed and nothing was suppressed without a recorded acknowledgement', () => {
    for (const t of report.totals) {
      expect([t.pack, t.failedRules, t.unrecorded]).toEqual([t.pack, 0, 0]);
    }
  });

  test('lists every acknowledgement of the validation report, with its reason', () => {
    const listed = new Set(report.stacks.flatMap((s) => s.packs.flatMap((p) => p.acknowledgements.map((a) => `${p.pack} ${a.rule} ${a.constructPath} ${a.reason}`))));
    const acknowledged = exampleIndex().results.acknowledged.map((a) => `${a.source.replace(/ /g, '-')} ${a.rule} ${a.constructPath} ${a.reason}`);
    expect(acknowledged.filter((a) => !listed.has(a))).toEqual([]);
    expect(listed.size).toBe(new Set(acknowledged).size);
    expect(markdown).toContain('Paradigm::Paradigm-CrossAccountTrustCondition');
  });

  test('per stack, evaluated = passed + acknowledged + failed and evaluated + not applicable = the rule count', () => {
    const ruleCount: Record<string, number> = { 'AwsSolutions': 131, 'HIPAA.Security': 90, 'NIST.800.53.R5': 85, 'Paradigm': PARADIGM_RULES.length, 'cdk-validator-cfnguard': 236 };
    for (const s of report.stacks) {
      for (const p of s.packs.filter((x) => x.evaluated !== undefined)) {
        expect([s.stackName, p.pack, p.evaluated]).toEqual([s.stackName, p.pack, (p.passed ?? 0) + p.acknowledgedRules + p.failedRules]);
        expect((p.evaluated ?? 0) + (p.notApplicable ?? 0)).toBe(ruleCount[p.pack]);
      }
    }
  });

  test('maps rules to HIPAA Security Rule sections', () => {
    const audit = report.hipaa.find((h) => h.section === '164.312(b)');
    expect(audit?.rules).toEqual(expect.arrayContaining(['Paradigm::Paradigm-LogGroupEncryptedRetained']));
    expect(report.hipaa.some((h) => h.rules.some((r) => r.startsWith('HIPAA.Security::')))).toBe(true);
  });

  test('the network and audit rules of our pack judged real resources of the example', () => {
    const rulesOf = (section: string) => report.hipaa.find((h) => h.section === section)?.rules ?? [];
    expect(rulesOf('164.316(b)(2)(i)')).toContain('Paradigm::Paradigm-AuditArchiveObjectLock');
    expect(rulesOf('164.312(e)(1)')).toEqual(expect.arrayContaining([
      'Paradigm::Paradigm-TransitGatewayNoDefaultAssociation', 'Paradigm::Paradigm-TransitGatewayNoAutoAccept', 'Paradigm::Paradigm-PeeringRouteToProviders',
    ]));
    expect(rulesOf('164.312(d)')).toContain('Paradigm::Paradigm-OidcTrustPinned');
  });
});

describe('buildComplianceReport', () => {
  test('counts evaluated, passed, acknowledged and not applicable rules of one stack', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'paradigm-compliance-'));
    const app = new App({ builtinCloudFormationValidation: false, outdir });
    const stack = new Stack(app, 'Hub', { env: { account: OWN_ACCOUNT, region: 'eu-west-1' } });
    const gateway = new ec2.CfnTransitGateway(stack, 'Tgw', { autoAcceptSharedAttachments: 'enable', defaultRouteTableAssociation: 'disable', defaultRouteTablePropagation: 'disable' });
    new logs.CfnLogGroup(stack, 'Logs', { kmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/1', retentionInDays: 400 }).applyRemovalPolicy(RemovalPolicy.RETAIN);
    Validations.of(gateway).acknowledge({ id: 'Paradigm::Paradigm-TransitGatewayNoAutoAccept', reason: 'Sandbox topology enables auto-accept for its spoke accounts.' });
    for (const tag of ['CostCenter', 'DataClassification', 'Environment', 'Owner']) {
      Validations.of(stack).acknowledge({ id: `Paradigm::Paradigm-RequiredTags[${tag}]`, reason: 'Test stack without the topology tags of the stages.' });
    }
    const pack = new ParadigmChecks(app);
    Validations.of(app).addPlugins(pack);
    app.synth();
    const report = buildComplianceReport({ environments: [{ name: 'test', stacks: [stack] }], results: readPolicyResults(outdir), nagPacks: [pack], cloudFormation: false });
    const [paradigm] = report.stacks[0].packs;
    // Evaluated: the three TGW rules, RequiredTags (both taggable), log group, stateful retention (log group).
    expect(paradigm).toMatchObject({ pack: 'Paradigm', evaluated: 6, passed: 4, acknowledgedRules: 2, failedRules: 0, notApplicable: 7, unrecorded: 0 });
    expect(paradigm.acknowledgements.map((a) => a.rule).sort()).toEqual([
      'Paradigm-RequiredTags[CostCenter]', 'Paradigm-RequiredTags[CostCenter]', 'Paradigm-RequiredTags[DataClassification]', 'Paradigm-RequiredTags[DataClassification]',
      'Paradigm-RequiredTags[Environment]', 'Paradigm-RequiredTags[Environment]', 'Paradigm-RequiredTags[Owner]', 'Paradigm-RequiredTags[Owner]',
      'Paradigm-TransitGatewayNoAutoAccept',
    ]);
  });
});
