import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { RecordConvictionCommand } from './record-conviction.command';

@CommandHandler(RecordConvictionCommand)
export class RecordConvictionHandler implements ICommandHandler<RecordConvictionCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: RecordConvictionCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'RecordConviction', data: { ...message.body } }));
  }
}
