/**
 * The one entry point that puts every rule source on an app. Used by the app, the main job and the tests.
 */
import { type App, type IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, type NagPack, type NagPackProps } from 'cdk-nag';
import { ControlTowerValidator } from './control-tower-validator';
import { ParadigmChecks, type ParadigmChecksProps } from './paradigm/pack';

/**
 * App context that makes the built-in CloudFormation validator strict: its CDK default rules are
 * errors and its warnings fail synth too. Pass it to `new App({ context })` (context must be set
 * before any construct is added).
 */
export const STRICT_VALIDATION_CONTEXT: Readonly<Record<string, boolean>> = {
  '@aws-cdk/core:validateAgainstDefaultRules': true,
  '@aws-cdk/core:strictCfnValidateErrors': true,
};

/** Rule sources, by the namespace their findings and acknowledgements use (`<namespace>::<rule>`). */
export const RULE_SOURCES = {
  cloudFormation: 'CloudFormation-Validate',
  awsSolutions: 'AwsSolutions',
  hipaa: 'HIPAA.Security',
  nist: 'NIST.800.53.R5',
  paradigm: 'Paradigm',
  controlTower: 'cdk-validator-cfnguard',
} as const;

export interface PolicyOptions {
  /** Settings of our own pack (log retention minimum, peering destinations). */
  readonly paradigm?: Omit<ParadigmChecksProps, keyof NagPackProps>;
  /**
   * Run the Control Tower proactive controls (one cfn-guard process per synth).
   * @default true
   */
  readonly controlTower?: boolean;
  /**
   * Run our own pack.
   * @default true
   */
  readonly paradigmPack?: boolean;
}

/** The Control Tower validator, without the controls of `control-tower-exemptions.ts`. */
export function controlTowerValidator(): ControlTowerValidator {
  return new ControlTowerValidator();
}

/** The plugins `applyPolicies` registered (the compliance report runs them again per stack). */
export interface AppliedPolicies {
  readonly nagPacks: readonly NagPack[];
  readonly controlTower?: ControlTowerValidator;
}

/** Registers every pack on `app`; the built-in CloudFormation validator is on by default. */
export function applyPolicies(app: App, options: PolicyOptions = {}): AppliedPolicies {
  for (const [key, expected] of Object.entries(STRICT_VALIDATION_CONTEXT)) {
    if (app.node.tryGetContext(key) !== expected) {
      throw new Error(`The app was created without the strict validation context "${key}: ${expected}". Fix: create it with new App({ context: STRICT_VALIDATION_CONTEXT }).`);
    }
  }
  const nagPacks: NagPack[] = [new AwsSolutionsChecks(app), new HIPAASecurityChecks(app), new NIST80053R5Checks(app)];
  if (options.paradigmPack ?? true) nagPacks.push(new ParadigmChecks(app, options.paradigm));
  const controlTower = (options.controlTower ?? true) ? controlTowerValidator() : undefined;
  const plugins: IPolicyValidationPlugin[] = controlTower ? [...nagPacks, controlTower] : [...nagPacks];
  Validations.of(app).addPlugins(...plugins);
  return { nagPacks, controlTower };
}
