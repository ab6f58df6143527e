/** A variant topology (one environment, Graviton sizes, two admins, no analytics networks) through the real app. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { EXAMPLE_TOPOLOGY, validateTopology } from '../accounts';
import { createPlatformApp } from '../stages/app';
import type { WorkloadStage } from '../stages/workload';

const root = mkdtempSync(join(tmpdir(), 'paradigm-workload-variant-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function synthWorkload(edit: (t: any) => void): { template: Template; stage: WorkloadStage } {
  const raw = structuredClone(EXAMPLE_TOPOLOGY) as any;
  raw.environments = [raw.environments[0]];
  edit(raw);
  const dir = mkdtempSync(join(root, 'app-'));
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  const { environments } = createPlatformApp({
    topology: validateTopology(raw, 'variant'),
    outdir: join(dir, 'cdk.out'),
    workflowPath: join(dir, '.github', 'workflows', 'deploy.yml'),
    cloudFormationValidation: false,
    nagPacks: false,
  });
  const stage = environments[0].stages.workload as WorkloadStage;
  return { template: Template.fromStack(stage.stack), stage };
}

const { template, stage } = synthWorkload((t) => {
  t.environments[0].workload = {
    compute: { instanceType: 'm7g.large', minCapacity: 2, maxCapacity: 5 },
    eks: { instanceType: 'c7g.xlarge', minCapacity: 1, desiredCapacity: 1, maxCapacity: 2, adminRoleArns: ['arn:aws:iam::111111111103:role/a', 'arn:aws:iam::111111111103:role/b'] },
    database: { backupRetentionDays: 14 },
    logRetentionDays: 400,
  };
});

test('Graviton instance types get the arm64 images', () => {
  const lt = Object.values(template.findResources('AWS::EC2::LaunchTemplate', { Properties: { LaunchTemplateData: { InstanceType: 'm7g.large' } } }));
  expect(lt).toHaveLength(1);
  const parameter = template.toJSON().Parameters[(lt[0] as any).Properties.LaunchTemplateData.ImageId.Ref];
  expect(parameter.Default).toBe('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64');
  template.hasResourceProperties('AWS::EKS::Nodegroup', { AmiType: 'AL2023_ARM_64_STANDARD', InstanceTypes: ['c7g.xlarge'] });
});

test('every admin role gets its own access entry', () => {
  const principals = Object.values(template.findResources('AWS::EKS::AccessEntry')).map((r: any) => r.Properties.PrincipalArn);
  expect(principals).toEqual(['arn:aws:iam::111111111103:role/a', 'arn:aws:iam::111111111103:role/b']);
});

test('without analytics networks Redshift accepts only the compute and EKS groups', () => {
  const [sg] = Object.values(template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: 'Redshift: 5439 from the compute fleet, EKS nodes and on-premise analytics networks' } })) as any[];
  expect(sg.Properties.SecurityGroupIngress).toBeUndefined();
  expect(Object.keys(template.findResources('AWS::EC2::SecurityGroupIngress', { Properties: { FromPort: 5439 } }))).toHaveLength(2);
});

test('retention, backups and alarms follow the settings', () => {
  // The workload's own log groups follow its setting; the account trail's and the SDK call function's
  // follow the audit settings.
  for (const g of Object.values(template.findResources('AWS::Logs::LogGroup')) as any[]) {
    if (!/cloudtrail|sdk-calls/.test(g.Properties.LogGroupName)) expect(g.Properties.RetentionInDays).toBe(400);
  }
  template.hasResourceProperties('AWS::RDS::DBInstance', { BackupRetentionPeriod: 14 });
  template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'GroupInServiceInstances', Threshold: 2 });
  template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { MinSize: '2', MaxSize: '5' });
  // No workload alert e-mails in this variant: the only subscription is the account trail's security alerts.
  template.resourcePropertiesCountIs('AWS::SNS::Subscription', { TopicArn: { Ref: Match.stringLikeRegexp('^AlertsTopic') } }, 0);
});

test('the stage exposes the transit subnets for the TGW attachment', () => {
  const transit = stage.network.vpc.selectSubnets(stage.transitSubnets);
  expect(transit.subnets).toHaveLength(3);
  expect(transit.subnets.map((s) => s.ipv4CidrBlock)).toEqual(expect.arrayContaining([expect.stringMatching(/\/28$/)]));
});
