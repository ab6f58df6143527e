/**
 * The one entry point that puts every rule source on an app. Used by the app, the main job and the tests.
 */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks } from 'cdk-nag';

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
} as const;

/** Registers the cdk-nag packs on `app`; the built-in CloudFormation validator is on by default. */
export function applyPolicies(app: App): void {
  for (const [key, expected] of Object.entries(STRICT_VALIDATION_CONTEXT)) {
    if (app.node.tryGetContext(key) !== expected) {
      throw new Error(`The app was created without the strict validation context "${key}: ${expected}". Fix: create it with new App({ context: STRICT_VALIDATION_CONTEXT }).`);
    }
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app), new NIST80053R5Checks(app));
}
