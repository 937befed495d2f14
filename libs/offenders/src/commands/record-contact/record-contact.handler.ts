import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { RecordContactCommand } from './record-contact.command';

@CommandHandler(RecordContactCommand)
export class RecordContactHandler implements ICommandHandler<RecordContactCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: RecordContactCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'RecordContact', data: { ...message.body } }));
  }
}
