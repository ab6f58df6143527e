/**
 * Roster tests: the rule ids and levels of every rule source are pinned, so that an upgrade of cdk-nag or the
 * Control Tower validator that adds, removes or relevels a rule shows up in review. The full lists are in
 * test/fixtures/rosters/ (one `[id, level]` or `[control, guard rule]` per line).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, parse } from 'node:path';
import { CONTROL_TOWER_EXEMPTIONS, controlTowerControls, controlTowerValidator, PARADIGM_RULES } from '../../policies';
import { controlTowerRoster, NAG_PACKS, nagRoster } from '../support/rosters';

const fixture = (name: string): [string, string][] => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'rosters', `${name}.json`), 'utf8'));

describe('cdk-nag pack rosters', () => {
  test.each([
    ['AwsSolutions', 131, ['AwsSolutions-IAM5', 'Error'], ['AwsSolutions-EC23', 'Error'], ['AwsSolutions-DDB3', 'Warning']],
    ['HIPAA.Security', 90, ['HIPAA.Security-S3BucketReplicationEnabled', 'Error'], ['HIPAA.Security-IAMPolicyNoStatementsWithFullAccess', 'Error'], ['HIPAA.Security-VPCDefaultSecurityGroupClosed', 'Warning']],
    ['NIST.800.53.R5', 85, ['NIST.800.53.R5-S3DefaultEncryptionKMS', 'Error'], ['NIST.800.53.R5-IAMNoInlinePolicy', 'Error'], ['NIST.800.53.R5-VPCDefaultSecurityGroupClosed', 'Warning']],
  ])('%s has %d rules with the pinned ids and levels', (name, count, ...samples) => {
    const actual = nagRoster(NAG_PACKS[name]());
    expect(actual).toHaveLength(count);
    expect(actual).toEqual(expect.arrayContaining(samples));
    expect(actual).toEqual(fixture(name));
  });

  test('Paradigm has one rule per file, every one an error', () => {
    expect(nagRoster(NAG_PACKS.Paradigm())).toEqual([
      ['Paradigm-TransitGatewayNoDefaultAssociation', 'Error'],
      ['Paradigm-TransitGatewayNoDefaultPropagation', 'Error'],
      ['Paradigm-TransitGatewayNoAutoAccept', 'Error'],
      ['Paradigm-DirectConnectAllowedPrefixes', 'Error'],
      ['Paradigm-PeeringRouteToProviders', 'Error'],
      ['Paradigm-SecurityGroupNoOpenIngress', 'Error'],
      ['Paradigm-CrossAccountTrustCondition', 'Error'],
      ['Paradigm-OidcTrustPinned', 'Error'],
      ['Paradigm-AuditArchiveObjectLock', 'Error'],
      ['Paradigm-StatefulResourceRetained', 'Error'],
      ['Paradigm-KmsKeyRotation', 'Error'],
      ['Paradigm-LogGroupEncryptedRetained', 'Error'],
      ['Paradigm-RequiredTags', 'Error'],
    ]);
    expect(fixture('Paradigm')).toEqual(nagRoster(NAG_PACKS.Paradigm()));
  });

  test('every file under policies/rules/<area>/ is a rule of the pack named after the file', () => {
    const root = join(__dirname, '..', '..', 'policies', 'rules');
    const files = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(root, d.name)).map((f) => parse(f).name));
    expect(files.sort()).toEqual(PARADIGM_RULES.map((r) => r.name).sort());
    for (const rule of PARADIGM_RULES) {
      expect(rule.info.length).toBeGreaterThan(40);
      expect(rule.hipaa.length).toBeGreaterThan(0);
    }
  });
});

describe('Control Tower roster', () => {
  test('the validator runs the 237 bundled controls minus the exemptions, each an error (no severity in the plugin)', () => {
    const actual = controlTowerRoster();
    expect(controlTowerControls()).toHaveLength(237);
    expect(actual).toHaveLength(237 - Object.keys(CONTROL_TOWER_EXEMPTIONS).length);
    expect(controlTowerValidator().ruleIds).toHaveLength(actual.length);
    expect(actual).toEqual(expect.arrayContaining([['CT.KMS.PR.3', 'kms_create_grant_aws_service_check'], ['CT.S3.PR.9', 's3_bucket_object_lock_enabled_check']]));
    expect(actual).toEqual(fixture('ControlTower'));
  });

  test('every exemption names a bundled control and gives a reason an auditor can read', () => {
    const files = new Set(controlTowerControls().map((c) => c.file));
    for (const [file, reason] of Object.entries(CONTROL_TOWER_EXEMPTIONS)) {
      expect(files.has(file)).toBe(true);
      expect(reason.length).toBeGreaterThanOrEqual(80);
    }
  });
});
