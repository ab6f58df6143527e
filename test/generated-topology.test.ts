import { validateTopology } from '../accounts';
import { generateTopology } from '../scripts/lib/generated-topology';

describe('generated topologies (benchmark input)', () => {
  test.each([1, 3, 9, 60])('%i environments validate, with unique accounts and ranges', (count) => {
    const topology = validateTopology(generateTopology(count), `generated ${count}`);
    expect(topology.environments).toHaveLength(count);
    expect(topology.environments.at(-1)!.network.directConnect).toBeDefined();
    expect(topology.environments.at(-1)!.approval.required).toBe(true);
  });

  test('fails for a count it cannot address', () => {
    expect(() => generateTopology(0)).toThrow(/Cannot generate a topology of 0 environments\. Fix: use a whole number from 1 to 60/);
    expect(() => generateTopology(61)).toThrow(/from 1 to 60/);
  });
});
