/** Renders the main job's summary as plain text. */
import { relative } from 'node:path';
import type { PlatformSynthResult } from './platform-synth';
import { ROLE_INFO } from '../../accounts';
import { RULE_SOURCES } from '../../policies';

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
}

export function renderSummary(result: PlatformSynthResult, cwd: string = process.cwd()): string {
  const lines: string[] = [];
  const rows = [['Environment', 'Account role', 'Account', 'Region', 'Stacks', 'Resources', 'Findings', 'Acknowledged']];
  for (const env of result.environments) {
    for (const s of env.stages) {
      rows.push([env.name, ROLE_INFO[s.role].title, s.account, s.region, s.stacks.join(', '), String(s.resources), String(s.results.findings.length), String(s.results.acknowledged.length)]);
    }
  }
  lines.push('', ...table(rows), '');

  const sources = Object.values(RULE_SOURCES).map((source) => {
    const pluginName = source.replace(/-/g, ' ');
    const f = result.results.findings.filter((r) => r.source === pluginName || r.source === source).length;
    const a = result.results.acknowledged.filter((r) => r.source === pluginName || r.source === source).length;
    return `  ${source.padEnd(24)} ${f} unacknowledged, ${a} acknowledged`;
  });
  lines.push('Rule sources:', ...sources, '');

  if (result.compliance && result.complianceFiles) {
    const n = (v: number | undefined) => (v === undefined ? '–' : String(v));
    lines.push(`Compliance report (${relative(cwd, result.complianceFiles.markdown)}, rules summed over stacks):`);
    for (const t of result.compliance.totals) {
      lines.push(`  ${t.pack.padEnd(24)} ${n(t.evaluated)} evaluated, ${n(t.passed)} passed, ${t.acknowledgedRules} acknowledged (${t.acknowledgements} findings), ${t.failedRules} failed, ${n(t.notApplicable)} not applicable`);
    }
    lines.push('');
  }

  lines.push('Promotion order (each environment after the previous one succeeded):');
  const tiers = result.tiers.map((t) => t.map((r) => ROLE_INFO[r].slug).join(' + ')).join(' → ');
  result.environments.forEach((env, i) => {
    const gate = env.approvalRequired ? `one approval (${env.reviewers.join(', ')})` : 'automatic';
    lines.push(`  ${i + 1}. ${env.name.padEnd(10)} ${tiers}   [${gate}]`);
  });
  lines.push('');

  if (result.results.findings.length > 0) {
    lines.push('Unacknowledged findings:');
    for (const f of result.results.findings) {
      lines.push(`  ✗ ${f.rule} (${f.source}) at ${f.constructPath}`, `      ${f.description}`);
    }
    lines.push('  Fix the resource, or acknowledge the finding next to the construct with its qualified id and a reason an auditor can read.', '');
  }
  if (result.missingContext.length > 0) {
    lines.push('Context lookups (synth must not need AWS; name these values in the topology):', ...result.missingContext.map((k) => `  ✗ ${k}`), '');
  }
  const stacks = result.environments.reduce((n, e) => n + e.stages.reduce((m, s) => m + s.stacks.length, 0), 0);
  lines.push(
    `${result.passed ? 'PASSED' : 'FAILED'}: ${stacks} stacks, ${result.results.findings.length} unacknowledged findings, ${result.results.acknowledged.length} acknowledged.`,
    `Cloud assembly: ${relative(cwd, result.outdir) || '.'}   Deploy workflow: ${relative(cwd, result.workflowPath)}`,
  );
  return lines.join('\n');
}
