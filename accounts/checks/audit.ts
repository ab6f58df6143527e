/** Cross-checks of the audit settings. */
import { renderValue, type TopologyProblem } from '../problems';
import { child, rawEnvironments, type Raw } from './raw';

/** The archive tiers to Glacier after it tiered to Standard-IA, and keeps objects at least until then. */
export function checkArchiveTiers(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  for (const { env, i } of rawEnvironments(raw)) {
    const archive = child(child(env, 'audit'), 'archive');
    const ia = typeof archive.infrequentAccessAfterDays === 'number' ? archive.infrequentAccessAfterDays : 90;
    const glacier = typeof archive.glacierAfterDays === 'number' ? archive.glacierAfterDays : 365;
    if (glacier <= ia) {
      problems.push({
        path: `environments[${i}].audit.archive.glacierAfterDays`,
        value: renderValue(glacier),
        problem: `is not after infrequentAccessAfterDays (${ia}), so the lifecycle rule would move objects to Glacier before Standard-IA`,
        fix: `use more than ${ia} days, or lower infrequentAccessAfterDays.`,
      });
    }
  }
  return problems;
}
