/** Reads the validation report that every synth writes into the cloud assembly. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const VALIDATION_REPORT_FILE = 'validation-report.json';

interface ReportConstruct {
  readonly constructPath: string;
}
interface ReportViolation {
  readonly ruleName: string;
  readonly description: string;
  readonly severity: string;
  readonly violatingConstructs: readonly ReportConstruct[];
}
interface SuppressedViolation extends ReportViolation {
  readonly acknowledgedId: string;
  readonly reason: string;
  readonly acknowledgedAt: string;
}
export interface ValidationReport {
  readonly pluginReports: readonly {
    readonly pluginName: string;
    readonly conclusion: string;
    readonly violations: readonly ReportViolation[];
    readonly suppressedViolations?: readonly SuppressedViolation[];
  }[];
}

/** One finding or acknowledgement on one construct. */
export interface PolicyResult {
  readonly source: string;
  readonly rule: string;
  readonly constructPath: string;
  readonly description: string;
  /** Set for acknowledged findings. */
  readonly reason?: string;
}

export interface PolicyResults {
  readonly findings: readonly PolicyResult[];
  readonly acknowledged: readonly PolicyResult[];
}

/** The report of the assembly in `outdir`; no report means no rule source had anything to say. */
export function readPolicyResults(outdir: string): PolicyResults {
  const file = join(outdir, VALIDATION_REPORT_FILE);
  if (!existsSync(file)) return { findings: [], acknowledged: [] };
  const report = JSON.parse(readFileSync(file, 'utf8')) as ValidationReport;
  const findings: PolicyResult[] = [];
  const acknowledged: PolicyResult[] = [];
  for (const plugin of report.pluginReports) {
    for (const v of plugin.violations) {
      for (const c of v.violatingConstructs) {
        findings.push({ source: plugin.pluginName, rule: v.ruleName, constructPath: c.constructPath, description: v.description });
      }
    }
    for (const v of plugin.suppressedViolations ?? []) {
      for (const c of v.violatingConstructs) {
        acknowledged.push({
          source: plugin.pluginName, rule: v.ruleName, constructPath: c.constructPath, description: v.description, reason: v.reason,
        });
      }
    }
  }
  return { findings, acknowledged };
}

/** Results whose construct lies under `path` (a stage or stack path). */
export function resultsUnder(results: PolicyResults, path: string): PolicyResults {
  const under = (r: PolicyResult) => r.constructPath === path || r.constructPath.startsWith(`${path}/`);
  return { findings: results.findings.filter(under), acknowledged: results.acknowledged.filter(under) };
}
