import type { awscdk } from 'projen';

/** Top-level source folders of the platform (see docs/ARCHITECTURE.md for what each holds). */
export const SOURCE_DIRS = ['accounts', 'stages', 'policies', 'scripts'] as const;

/**
 * The platform is an app, not a library: nothing is compiled to `lib/`. TypeScript only type-checks
 * (sources through tsconfig.json; sources and tests through the dev tsconfig in test/), and `tsx`
 * runs the app and the scripts directly.
 */
export function setupLayout(project: awscdk.AwsCdkTypeScriptApp, dirs: readonly string[]): void {
  project.tsconfig?.file.addOverride('include', dirs.map((d) => `${d}/**/*.ts`));
  project.tsconfig?.file.addOverride('compilerOptions.rootDir', '.');
  project.tsconfig?.file.addOverride('compilerOptions.noEmit', true);
  // The dev tsconfig lives in test/: its paths are relative to that folder.
  project.tsconfigDev.file.addOverride('include', ['**/*.ts', ...dirs.map((d) => `../${d}/**/*.ts`)]);
  project.compileTask.reset(`tsc --noEmit -p ${project.tsconfigDev.fileName}`);
  project.gitignore.removePatterns('/./');
  project.npmignore?.removePatterns('/./');
}
