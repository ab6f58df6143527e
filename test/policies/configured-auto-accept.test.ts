import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPolicyResults } from '../../policies';
import { createPlatformApp } from '../../stages';
import { exampleInput, validTopology } from '../support/topology';

test('auto-accept enabled in the topology is acknowledged with the setting, and synth passes our pack', () => {
  // Spokes enrol their own attachments, so the topology enables auto-accept in every environment.
  const input = exampleInput();
  const root = mkdtempSync(join(tmpdir(), 'paradigm-auto-accept-'));
  mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
  const { app } = createPlatformApp({
    topology: validTopology(input),
    outdir: join(root, 'cdk.out'),
    workflowPath: join(root, '.github', 'workflows', 'deploy.yml'),
    cloudFormationValidation: false,
    policies: { controlTower: false },
  });
  try {
    app.synth();
    const results = readPolicyResults(app.outdir);
    expect(results.findings).toEqual([]);
    const autoAccept = results.acknowledged.filter((a) => a.rule === 'Paradigm-TransitGatewayNoAutoAccept');
    expect(autoAccept.map((a) => a.constructPath)).toEqual(['dev', 'staging', 'prod'].map((e) => `${e}-network-hub/NetworkHub/TransitHub/TransitGateway`));
    expect(autoAccept[0].reason).toContain('environments[0].network.transitGateway.autoAcceptSharedAttachments is true for dev');
    expect(autoAccept[2].reason).toContain('environments[2].network.transitGateway.autoAcceptSharedAttachments is true for prod');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
