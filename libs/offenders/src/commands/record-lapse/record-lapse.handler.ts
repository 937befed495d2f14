import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { RecordLapseCommand } from './record-lapse.command';

@CommandHandler(RecordLapseCommand)
export class RecordLapseHandler implements ICommandHandler<RecordLapseCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: RecordLapseCommand): Promise<CommandResult> {
    return this.runner.run(message, (newId) => ({ type: 'RecordLapse', data: { ...message.body, lapseId: newId() } }));
  }
}
