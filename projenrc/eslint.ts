import type { awscdk } from 'projen';

/**
 * Layering, enforced by eslint (`import/no-restricted-paths`):
 * - `accounts/` imports nothing of ours;
 * - `policies/` imports only `accounts/`;
 * - `stages/` never imports `scripts/`;
 * - direct `child_process` only in `scripts/lib/exec.ts`.
 */
export function setupLayering(project: awscdk.AwsCdkTypeScriptApp): void {
  const eslint = project.eslint!;
  eslint.addIgnorePattern('cdk.out/');
  eslint.addIgnorePattern('.bench/');
  eslint.addRules({
    'import/no-restricted-paths': [
      'error',
      {
        zones: [
          { target: './accounts', from: ['./stages', './policies', './scripts', './projenrc', './test'], message: 'accounts/ is the bottom layer: it imports nothing of ours.' },
          { target: './policies', from: ['./stages', './scripts', './projenrc', './test'], message: 'policies/ checks any app; it never imports stages/ or scripts/.' },
          { target: './stages', from: ['./scripts', './projenrc', './test'], message: 'stages/ never imports scripts/.' },
        ],
      },
    ],
    'no-restricted-imports': [
      'error',
      { paths: [{ name: 'child_process', message: 'Run commands through scripts/lib/exec.ts.' }, { name: 'node:child_process', message: 'Run commands through scripts/lib/exec.ts.' }] },
    ],
  });
  eslint.addOverride({ files: ['scripts/lib/exec.ts'], rules: { 'no-restricted-imports': 'off' } });
}
