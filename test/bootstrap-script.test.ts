import nock from 'nock';
import { loadTopology } from '../accounts';
import { assumeRoleXml, formFields, STS_HOST, stsErrorXml } from './support/sts-http';
import { bootstrapPlan, renderPlan, type PlannedCommand } from '../scripts/lib/bootstrap-plan';
import { executeBootstrap } from '../scripts/lib/bootstrap-run';
import { assumeRole, stsClient } from '../scripts/lib/sts';

const topology = loadTopology({ example: true });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('bootstrap plan', () => {
  const plan = bootstrapPlan(topology);

  test('covers every account of every environment, in promotion order', () => {
    expect(plan.accounts.map((a) => `${a.environment}/${a.role}/${a.account}`)).toEqual(
      topology.environments.flatMap((e) => (['audit', 'networkHub', 'workload', 'saasBridge'] as const).map((r) => `${e.name}/${r}/${e.accounts[r].accountId}`)),
    );
  });

  test('prints, per account, the role to assume, the GitHub access stack and the exact cdk commands', () => {
    const text = renderPlan(plan);
    expect(text).toContain('0. npx cdk synth --quiet --output cdk.out');
    expect(text).toContain([
      '11. prod / Workload: account 333333333303, us-east-1',
      '   assume arn:aws:iam::333333333303:role/OrganizationAccountAccessRole',
      '   stack  paradigm-prod-workload-github-access',
      '   $ npx cdk deploy --app cdk.out prod-workload-bootstrap/GitHubAccess --require-approval never --exclusively',
      '   $ npx cdk bootstrap aws://333333333303/us-east-1 --cloudformation-execution-policies arn:aws:iam::333333333303:policy/paradigm-cfn-execution --termination-protection',
    ].join('\n'));
    expect(text).not.toContain('AdministratorAccess');
  });

  test('passes a topology file to the synth', () => {
    expect(bootstrapPlan(topology, { topologyFile: 'my topology.yaml' }).synth.args).toEqual(['cdk', 'synth', '--quiet', '--output', 'cdk.out', '-c', 'topology=my topology.yaml']);
    expect(renderPlan(bootstrapPlan(topology, { topologyFile: 'my topology.yaml' }))).toContain("-c 'topology=my topology.yaml'");
  });
});

describe('bootstrap --execute', () => {
  const dev = { ...topology, environments: [topology.environments[0]] };

  function run(stsReply: (account: string) => [number, string], commandStatus: (c: PlannedCommand, env: Record<string, string>) => number = () => 0) {
    nock(STS_HOST).persist().post('/').reply((_uri, body) => stsReply(formFields(body).RoleArn.split(':')[4]));
    const ran: { command: string; key?: string }[] = [];
    const log: string[] = [];
    const outcomes = executeBootstrap(bootstrapPlan(dev), {
      assume: (roleArn, region) => assumeRole(stsClient({ region, maxAttempts: 3, credentials: { accessKeyId: 'AKIAOPERATOR', secretAccessKey: 's', sessionToken: 't' } }), roleArn, 'paradigm-bootstrap'),
      run: (command, env) => {
        ran.push({ command: [command.command, ...command.args].join(' '), key: env.AWS_ACCESS_KEY_ID });
        return { status: commandStatus(command, env), stdout: '', stderr: commandStatus(command, env) ? 'Error: stack is in UPDATE_ROLLBACK_FAILED state' : '' };
      },
      log: (line) => log.push(line),
    });
    return { outcomes, ran, log };
  }

  test('assumes the operator role in each account and runs its commands with those credentials', async () => {
    const { outcomes, ran } = run((account) => [200, assumeRoleXml('AssumeRole', account, 'OrganizationAccountAccessRole')]);
    expect((await outcomes).every((o) => o.ok)).toBe(true);
    expect(ran[0]).toEqual({ command: 'npx cdk synth --quiet --output cdk.out', key: undefined });
    expect(ran.filter((r) => r.command.includes('cdk bootstrap aws://111111111103/'))).toEqual([expect.objectContaining({ key: 'ASIA111111111103' })]);
    // synth, then deploy + bootstrap per account, plus the deploy-role grants of the two spokes (after bootstrap).
    expect(ran).toHaveLength(1 + 4 * 2 + 2);
    const workload = ran.filter((r) => r.key === 'ASIA111111111103').map((r) => r.command.split(' ').slice(1, 6).join(' '));
    expect(workload).toEqual([
      'cdk deploy --app cdk.out dev-workload-bootstrap/GitHubAccess',
      'cdk bootstrap aws://111111111103/us-east-1 --cloudformation-execution-policies arn:aws:iam::111111111103:policy/paradigm-cfn-execution',
      'cdk deploy --app cdk.out dev-workload-bootstrap/CdkDeployRoleGrants',
    ]);
  });

  test('an account whose operator role is missing fails with the reason; the other accounts go on', async () => {
    const { outcomes, ran, log } = run((account) => (account === '111111111102'
      ? [403, stsErrorXml('AccessDenied', 'User: arn:aws:iam::999999999999:user/operator is not authorized to perform: sts:AssumeRole')]
      : [200, assumeRoleXml('AssumeRole', account, 'OrganizationAccountAccessRole')]));
    const result = await outcomes;
    expect(result.map((o) => [o.account.account, o.ok])).toEqual([['111111111101', true], ['111111111102', false], ['111111111103', true], ['111111111104', true]]);
    expect(result[1].error).toMatch(/cannot assume arn:aws:iam::111111111102:role\/OrganizationAccountAccessRole: AccessDenied.*does not exist, or its trust policy/);
    expect(ran.some((r) => r.key === 'ASIA111111111102')).toBe(false);
    expect(log.some((l) => l.startsWith('✗ dev / Network hub (111111111102)'))).toBe(true);
  });

  test('retries STS throttling with the SDK strategy', async () => {
    let throttles = 0;
    const { outcomes } = run((account) => {
      if (throttles < 2) {
        throttles++;
        return [400, stsErrorXml('Throttling', 'Rate exceeded')];
      }
      return [200, assumeRoleXml('AssumeRole', account, 'r')];
    });
    expect((await outcomes).every((o) => o.ok)).toBe(true);
    expect(throttles).toBe(2);
  });

  test('a failing command stops that account only and reports the command and its error', async () => {
    const { outcomes } = run((account) => [200, assumeRoleXml('AssumeRole', account, 'r')],
      (c, env) => (c.args[1] === 'deploy' && env.AWS_ACCESS_KEY_ID === 'ASIA111111111101' ? 1 : 0));
    const result = await outcomes;
    expect(result[0]).toMatchObject({ ok: false, error: expect.stringContaining('"npx cdk deploy --app cdk.out dev-audit-bootstrap/GitHubAccess --require-approval never --exclusively" exited 1: Error: stack is in UPDATE_ROLLBACK_FAILED state') });
    expect(result.slice(1).every((o) => o.ok)).toBe(true);
  });

  test('a command that cannot run at all (timeout, not found) fails that account only', async () => {
    nock(STS_HOST).persist().post('/').reply((_uri, body) => [200, assumeRoleXml('AssumeRole', formFields(body).RoleArn.split(':')[4], 'r')]);
    const result = await executeBootstrap(bootstrapPlan(dev), {
      assume: (roleArn, region) => assumeRole(stsClient({ region, maxAttempts: 1, credentials: { accessKeyId: 'AKIAOPERATOR', secretAccessKey: 's', sessionToken: 't' } }), roleArn, 'b'),
      run: (c, env) => {
        if (c.args[1] === 'bootstrap' && env.AWS_ACCESS_KEY_ID === 'ASIA111111111102') throw new Error('Could not run npx cdk bootstrap: spawnSync npx ETIMEDOUT');
        return { status: 0, stdout: '', stderr: '' };
      },
      log: () => undefined,
    });
    expect(result.map((o) => o.ok)).toEqual([true, false, true, true]);
    expect(result[1].error).toContain('ETIMEDOUT');
  });

  test('a failed synth fails every account without touching any', async () => {
    const log: string[] = [];
    const result = await executeBootstrap(bootstrapPlan(dev), {
      assume: () => Promise.reject(new Error('must not be called')),
      run: () => ({ status: 2, stdout: '', stderr: 'The topology from x.yaml has 1 problem' }),
      log: (l) => log.push(l),
    });
    expect(result.every((o) => !o.ok && o.error?.startsWith('synth failed (exit 2)'))).toBe(true);
  });
});
