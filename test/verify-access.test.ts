import nock from 'nock';
import { loadTopology } from '../accounts';
import { assumeRoleXml, callerIdentityXml, formFields, STS_HOST, stsErrorXml } from './support/sts-http';
import { renderAccessTable, requestOidcToken, verifyAccess } from '../scripts/lib/verify-access';

const topology = loadTopology({ example: true });
const dev = topology.environments[0];
const TOKEN_URL = 'https://pipelines.actions.example/oidc/token?api-version=2.0';
const runtime = { ACTIONS_ID_TOKEN_REQUEST_URL: TOKEN_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime-bearer' };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** STS answering per role ARN: success for accounts in `ok`, the given error for the others. */
function stsFor(ok: Set<string>, failure: { status: number; code: string; message: string }) {
  nock(STS_HOST).persist().post('/', (body) => formFields(body).Action === 'AssumeRoleWithWebIdentity').reply(function (_uri, body) {
    const fields = formFields(body);
    const account = fields.RoleArn.split(':')[4];
    expect(fields.WebIdentityToken).toBe('oidc-jwt');
    return ok.has(account) ? [200, assumeRoleXml('AssumeRoleWithWebIdentity', account, 'paradigm-github-deploy')] : [failure.status, stsErrorXml(failure.code, failure.message)];
  });
  nock(STS_HOST).persist().post('/', (body) => formFields(body).Action === 'GetCallerIdentity').reply(function () {
    const auth = String(this.req.headers.authorization);
    const account = /Credential=ASIA(\d{12})\//.exec(auth)![1];
    return [200, callerIdentityXml(account, 'paradigm-github-deploy')];
  });
}

describe('requestOidcToken', () => {
  test('asks the Actions runtime for a token with the STS audience', async () => {
    const scope = nock('https://pipelines.actions.example', { reqheaders: { authorization: 'bearer runtime-bearer' } })
      .get('/oidc/token').query({ 'api-version': '2.0', 'audience': 'sts.amazonaws.com' }).reply(200, { value: 'oidc-jwt' });
    await expect(requestOidcToken(runtime)).resolves.toBe('oidc-jwt');
    scope.done();
  });

  test('fails with the fix when the job has no id-token permission', async () => {
    await expect(requestOidcToken({})).rejects.toThrow(/permissions: id-token: write/);
  });

  test('fails clearly when the runtime refuses', async () => {
    nock('https://pipelines.actions.example').get('/oidc/token').query(true).reply(403, 'forbidden');
    await expect(requestOidcToken(runtime)).rejects.toThrow(/HTTP 403/);
  });
});

describe('verifyAccess', () => {
  test('assumes the deploy role of every account of the environment and reports who it is', async () => {
    stsFor(new Set(Object.values(dev.accounts).map((a) => a.accountId)), { status: 403, code: 'AccessDenied', message: 'x' });
    const checks = await verifyAccess(dev, topology.oidc.deployRoleName, 'oidc-jwt', { maxAttempts: 1 });
    expect(checks.map((c) => [c.role, c.account, c.ok])).toEqual([
      ['Audit', '111111111101', true], ['Network hub', '111111111102', true], ['Workload', '111111111103', true], ['SaaS bridge', '111111111104', true],
    ]);
    expect(checks[0].detail).toBe('arn:aws:sts::111111111101:assumed-role/paradigm-github-deploy/session');
  });

  test('reports an account whose role is missing or does not trust the repository, and checks the others', async () => {
    stsFor(new Set(['111111111101', '111111111102', '111111111104']), {
      status: 403, code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
    const checks = await verifyAccess(dev, topology.oidc.deployRoleName, 'oidc-jwt', { maxAttempts: 1 });
    const workload = checks.find((c) => c.account === '111111111103')!;
    expect(workload.ok).toBe(false);
    expect(workload.detail).toMatch(/^AccessDenied(Exception)?: Not authorized .* \(the role arn:aws:iam::111111111103:role\/paradigm-github-deploy does not exist, or its trust policy/);
    expect(checks.filter((c) => c.ok)).toHaveLength(3);
    const table = renderAccessTable(checks);
    expect(table.split('\n')[0]).toMatch(/^Account role\s+Account\s+Role\s+Result$/);
    expect(table).toContain('error: AccessDenied');
  });

  test('retries when STS throttles, then succeeds', async () => {
    let throttled = 0;
    nock(STS_HOST).persist().post('/', (body) => formFields(body).Action === 'AssumeRoleWithWebIdentity').reply((_uri, body) => {
      const account = formFields(body).RoleArn.split(':')[4];
      if (account === '111111111102' && throttled < 2) {
        throttled++;
        return [400, stsErrorXml('Throttling', 'Rate exceeded')];
      }
      return [200, assumeRoleXml('AssumeRoleWithWebIdentity', account, 'r')];
    });
    nock(STS_HOST).persist().post('/', (body) => formFields(body).Action === 'GetCallerIdentity').reply(function () {
      return [200, callerIdentityXml(/Credential=ASIA(\d{12})\//.exec(String(this.req.headers.authorization))![1], 'r')];
    });
    const checks = await verifyAccess(dev, 'r', 'oidc-jwt', { maxAttempts: 4 });
    expect(throttled).toBe(2);
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  test('gives up after the last attempt when throttling persists, and says so', async () => {
    nock(STS_HOST).persist().post('/').reply(400, stsErrorXml('Throttling', 'Rate exceeded'));
    const checks = await verifyAccess(dev, 'r', 'oidc-jwt', { maxAttempts: 2 });
    expect(checks.every((c) => !c.ok && c.detail.startsWith('Throttling: Rate exceeded (still throttled after every retry'))).toBe(true);
  });

  test('explains a rejected token (no OIDC provider in the account)', async () => {
    nock(STS_HOST).persist().post('/').reply(400, stsErrorXml('InvalidIdentityToken', 'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com'));
    const checks = await verifyAccess(dev, 'r', 'oidc-jwt', { maxAttempts: 1 });
    expect(checks[0].detail).toMatch(/InvalidIdentityToken(Exception)?: .*\(the account has no GitHub OIDC provider/);
  });
});
