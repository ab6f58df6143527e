import type { Construct } from 'constructs';
import { LogArchive } from './log-archive';
import { EncryptionKey } from '../common/encrypted-key';
import { PlatformStage, type PlatformStageProps } from '../common/platform-stage';
import { PlatformStack } from '../common/stack';

/** The audit account: the environment's locked log archive and its key. */
export class AuditStage extends PlatformStage {
  public readonly stack: PlatformStack;
  public readonly archive: LogArchive;

  constructor(scope: Construct, props: PlatformStageProps) {
    super(scope, 'audit', props);
    this.stack = new PlatformStack(this, 'Audit', { environmentName: props.environment.name, role: 'audit' });
    const key = new EncryptionKey(this.stack, 'ArchiveKey', {
      alias: `paradigm/${props.environment.name}/log-archive`,
      description: `Encrypts the ${props.environment.name} log archive`,
    });
    this.archive = new LogArchive(this.stack, 'LogArchive', { key: key.key });
  }
}
