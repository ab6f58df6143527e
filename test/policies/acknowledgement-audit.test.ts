/**
 * The acknowledgement audit: every acknowledgement in the example app uses a qualified id and a reason an auditor
 * can read. aws-cdk-lib's own W3010 acknowledgement passes the same audit, so nothing is excluded.
 */
import { loadTopology } from '../../accounts';
import { acknowledgementProblem, collectAcknowledgements, countByPack, type Acknowledgement } from '../../policies';
import { createPlatformApp } from '../../stages';
import { exampleIndex } from '../support/example';

const ack = (id: string, reason: string): Acknowledgement => ({ id, reason, pack: id.split('::')[0], constructPath: 'S/R' });

describe('acknowledgement audit', () => {
  // Constructing the app records every acknowledgement; nothing needs to be synthesized or validated.
  const { app } = createPlatformApp({ topology: loadTopology({ example: true }), outdir: 'cdk.out', cloudFormationValidation: false, nagPacks: false, workflowPath: exampleIndex().workflowPath });
  const acks = collectAcknowledgements(app);

  test('every acknowledgement of the example is qualified and has a specific reason', () => {
    const problems = acks.map((a) => [a.constructPath, a.id, acknowledgementProblem(a)]).filter(([, , p]) => p !== undefined);
    expect(problems).toEqual([]);
  });

  test('acknowledgements per pack', () => {
    const counts = countByPack(acks);
    console.log(`Acknowledgements per pack (${acks.length} in all):\n${Object.entries(counts).map(([p, n]) => `  ${p.padEnd(24)} ${n}`).join('\n')}`);
    expect(Object.keys(counts).sort()).toEqual(['Annotation', 'AwsSolutions', 'CloudFormation-Validate', 'HIPAA.Security', 'NIST.800.53.R5', 'Paradigm', 'cdk-validator-cfnguard']);
    expect(counts['(unqualified)']).toBeUndefined();
  });

  test('aws-cdk-lib\'s own W3010 acknowledgement passes the audit', () => {
    const w3010 = acks.filter((a) => a.id === 'CloudFormation-Validate::W3010');
    expect(w3010.length).toBeGreaterThan(0);
    for (const a of w3010) expect(acknowledgementProblem(a)).toBeUndefined();
  });

  test.each([
    ['AwsSolutions-S1', 'Server access logging is delivered to the audit account instead.', /not qualified/],
    ['AwsSolutions::AwsSolutions-S1', 'too short', /shorter than 20/],
    ['AwsSolutions::AwsSolutions-S1', '', /shorter than 20/],
    ['Paradigm::Paradigm-KmsKeyRotation', 'False positive.', /shorter than 20/],
    ['Paradigm::Paradigm-KmsKeyRotation', 'Not needed', /shorter than 20/],
    ['Paradigm::Paradigm-KmsKeyRotation', 'n/a', /shorter than 20/],
    ['Paradigm::Paradigm-KmsKeyRotation', 'Accepted risk                       ', /shorter than 20/],
    ['Paradigm::Paradigm-KmsKeyRotation', 'suppress this finding for the time being', /generic/],
  ])('fails when an acknowledgement is %s with reason "%s"', (id, reason, problem) => {
    expect(acknowledgementProblem(ack(id, reason))).toMatch(problem);
  });

  test('a specific reason passes', () => {
    expect(acknowledgementProblem(ack('Paradigm::Paradigm-KmsKeyRotation', 'Asymmetric signing key: AWS KMS cannot rotate it.'))).toBeUndefined();
  });
});
