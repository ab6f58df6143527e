/** Cross-checks of SaaS providers. */
import { renderValue, type TopologyProblem } from '../problems';
import { asArray, isObject, str, type Raw } from './raw';

/** Provider names are unique (they name peering connections, roles and routes). */
export function checkProviderNames(raw: Raw): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  const names = new Map<string, number>();
  asArray(raw.saasProviders).forEach((p, i) => {
    const name = isObject(p) ? str(p.name) : undefined;
    if (!name) return;
    const first = names.get(name);
    if (first !== undefined) {
      problems.push({ path: `saasProviders[${i}].name`, value: renderValue(name), problem: `provider name is already used by saasProviders[${first}]`, fix: 'give every SaaS provider a unique name.' });
    } else {
      names.set(name, i);
    }
  });
  return problems;
}
