import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPolicyResults } from '../../policies';
import { createPlatformApp } from '../../stages';
import { exampleInput, validTopology } from '../support/topology';

test('auto-accept enabled in the topology is acknowledged with the setting, and synth passes our pack', () => {
  const input = exampleInput();
  input.environments[0].network.transitGateway.autoAcceptSharedAttachments = true;
  const root = mkdtempSync(join(tmpdir(), 'paradigm-auto-accept-'));
  mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
  const { app } = createPlatformApp({
    topology: validTopology(input),
    outdir: join(root, 'cdk.out'),
    workflowPath: join(root, '.github', 'workflows', 'deploy.yml'),
    cloudFormationValidation: false,
    policies: { controlTower: false },
  });
  app.synth();
  const results = readPolicyResults(app.outdir);
  expect(results.findings).toEqual([]);
  const autoAccept = results.acknowledged.filter((a) => a.rule === 'Paradigm-TransitGatewayNoAutoAccept');
  expect(autoAccept.map((a) => a.constructPath)).toEqual(['dev-network-hub/NetworkHub/TransitHub/TransitGateway']);
  expect(autoAccept[0].reason).toContain('environments[0].network.transitGateway.autoAcceptSharedAttachments is true for dev');
});
