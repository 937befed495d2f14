import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { RecordArrestCommand } from './record-arrest.command';

@CommandHandler(RecordArrestCommand)
export class RecordArrestHandler implements ICommandHandler<RecordArrestCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: RecordArrestCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'RecordArrest', data: { ...message.body } }));
  }
}
