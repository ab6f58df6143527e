/** Synthesizes the whole platform with every validator and collects what the summary shows. */
import { Stack } from 'aws-cdk-lib';
import { ACCOUNT_ROLES, DEPLOY_TIERS, stackName, type AccountRole, type Topology } from '../../accounts';
import { buildComplianceReport, readPolicyResults, resultsUnder, writeComplianceReport, type ComplianceReport, type PolicyResults } from '../../policies';

function mergeResults(a: PolicyResults, b: PolicyResults): PolicyResults {
  return { findings: [...a.findings, ...b.findings], acknowledged: [...a.acknowledged, ...b.acknowledged] };
}
import { createPlatformApp, type PlatformAppOptions } from '../../stages';

export interface StageSummary {
  readonly environment: string;
  readonly role: AccountRole;
  readonly account: string;
  readonly region: string;
  readonly stacks: readonly string[];
  readonly resources: number;
  readonly results: PolicyResults;
}

export interface EnvironmentSummary {
  readonly name: string;
  readonly approvalRequired: boolean;
  readonly reviewers: readonly string[];
  readonly stages: readonly StageSummary[];
}

export interface PlatformSynthResult {
  readonly environments: readonly EnvironmentSummary[];
  readonly results: PolicyResults;
  /** Context lookups the app asked for (it must need none: the topology names everything). */
  readonly missingContext: readonly string[];
  /** True when synth completed, needed no lookup, and no finding is unacknowledged. */
  readonly passed: boolean;
  readonly outdir: string;
  readonly workflowPath: string;
  readonly tiers: readonly (readonly AccountRole[])[];
  /** The compliance report written next to the cloud assembly (undefined when synth failed before validation). */
  readonly compliance?: ComplianceReport;
  /** Where the compliance report was written (JSON and Markdown). */
  readonly complianceFiles?: { readonly json: string; readonly markdown: string };
}

export interface PlatformSynthOptions extends Omit<PlatformAppOptions, 'topology'> {
  /** Called with a progress line as each environment is synthesized and when validation runs. */
  readonly progress?: (line: string) => void;
}

export function synthesizePlatform(topology: Topology, options: PlatformSynthOptions = {}): PlatformSynthResult {
  const progress = options.progress ?? (() => undefined);
  const platform = createPlatformApp({ ...options, topology });

  const resourcesByStage = new Map<string, { stacks: string[]; resources: number }>();
  for (const env of platform.environments) {
    const started = Date.now();
    let stackCount = 0;
    for (const role of ACCOUNT_ROLES) {
      const assemblies = [env.stages[role].synth(), env.bootstrap[role].synth()];
      const artifacts = assemblies.flatMap((a) => a.stacks);
      const stacks = artifacts.map((s) => s.stackName);
      const resources = artifacts.reduce((n, s) => n + Object.keys(s.template.Resources ?? {}).length, 0);
      resourcesByStage.set(env.stages[role].node.path, { stacks, resources });
      stackCount += stacks.length;
    }
    progress(`synthesized ${env.name}: ${ACCOUNT_ROLES.length} accounts, ${stackCount} stacks (${seconds(Date.now() - started)})`);
  }

  const stackCount = [...resourcesByStage.values()].reduce((n, s) => n + s.stacks.length, 0);
  const started = Date.now();
  let validationFailed = false;
  let missingContext: string[] = [];
  try {
    missingContext = (platform.app.synth().manifest.missing ?? []).map((m) => m.key);
  } catch (e) {
    if (!/Validation failed/i.test(String((e as Error).message))) throw e;
    validationFailed = true;
  }
  const outdir = platform.app.outdir;
  const results = readPolicyResults(outdir);
  const sources = [
    ...((options.cloudFormationValidation ?? true) ? ['the CloudFormation validator'] : []),
    ...platform.policies.nagPacks.map((p) => p.name),
    ...(platform.policies.controlTower ? ['the Control Tower controls'] : []),
  ];
  progress(`validated ${stackCount} stacks with ${sources.join(', ')} (${seconds(Date.now() - started)})`);

  const reportStarted = Date.now();
  const compliance = buildComplianceReport({
    environments: platform.environments.map((env) => ({
      name: env.name,
      stacks: ACCOUNT_ROLES.flatMap((role) => [env.stages[role], env.bootstrap[role]]).flatMap((stage) => stage.node.findAll().filter(Stack.isStack)),
    })),
    results,
    nagPacks: platform.policies.nagPacks,
    controlTower: platform.policies.controlTower,
    cloudFormation: options.cloudFormationValidation ?? true,
  });
  const complianceFiles = writeComplianceReport(outdir, compliance);
  progress(`wrote the compliance report (${seconds(Date.now() - reportStarted)})`);

  const environments = platform.environments.map((env): EnvironmentSummary => ({
    name: env.name,
    approvalRequired: env.config.approval.required,
    reviewers: env.config.approval.reviewers,
    stages: ACCOUNT_ROLES.map((role): StageSummary => {
      const stage = env.stages[role];
      const synthesized = resourcesByStage.get(stage.node.path) ?? { stacks: [stackName(env.name, role)], resources: 0 };
      return {
        environment: env.name,
        role,
        account: env.config.accounts[role].accountId,
        region: env.config.accounts[role].region,
        stacks: synthesized.stacks,
        resources: synthesized.resources,
        results: mergeResults(resultsUnder(results, stage.node.path), resultsUnder(results, env.bootstrap[role].node.path)),
      };
    }),
  }));

  return {
    environments,
    results,
    missingContext,
    passed: !validationFailed && results.findings.length === 0 && missingContext.length === 0,
    outdir,
    workflowPath: platform.pipeline.workflowPath,
    tiers: DEPLOY_TIERS,
    compliance,
    complianceFiles,
  };
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
