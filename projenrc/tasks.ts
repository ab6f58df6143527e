import type { awscdk } from 'projen';

/** The platform's own tasks (each is also an npm script: `npm run <name>`). */
export function setupTasks(project: awscdk.AwsCdkTypeScriptApp): void {
  project.addTask('platform', {
    description: 'Main job: synthesize every environment of the topology with all validators and print a summary',
    exec: 'tsx scripts/synth.ts',
    receiveArgs: true,
  });
  project.addTask('bench', {
    description: 'Benchmark: full-synth wall time for generated topologies of 1, 3 and 9 environments (writes docs/PERFORMANCE.md)',
    exec: 'tsx scripts/benchmark.ts',
    receiveArgs: true,
  });
  project.addTask('bootstrap', {
    description: 'Print (or --execute) the per-account bootstrap: GitHub OIDC access stack, then cdk bootstrap with a least-privilege execution policy',
    exec: 'tsx scripts/bootstrap.ts',
    receiveArgs: true,
  });
  project.addTask('verify-access', {
    description: 'In GitHub Actions: exchange the job\'s OIDC token for each account\'s role and print who we are',
    exec: 'tsx scripts/verify-access.ts',
    receiveArgs: true,
  });
  // `npm test`: type-check everything, run the tests, lint.
  project.testTask.prependSpawn(project.compileTask);
}
