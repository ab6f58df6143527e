import type { awscdk } from 'projen';

/**
 * Jest with @swc/jest (type-checking is the compile task's job), one test tree under `test/`,
 * never updating snapshots on its own.
 */
export function setupJest(project: awscdk.AwsCdkTypeScriptApp): void {
  project.deps.removeDependency('ts-jest');
  const pkg = project.package.file;
  pkg.addOverride('jest.transform', { '^.+\\.[t]sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] });
  pkg.addOverride('jest.testMatch', ['<rootDir>/test/**/*.test.ts']);
  pkg.addOverride('jest.testPathIgnorePatterns', ['/node_modules/', '/cdk.out/']);
  pkg.addOverride('jest.collectCoverage', false);
  pkg.addOverride('jest.globalSetup', '<rootDir>/test/global-setup.ts');
  pkg.addOverride('jest.globalTeardown', '<rootDir>/test/global-teardown.ts');
  pkg.addOverride('jest.testTimeout', 120_000);
}
