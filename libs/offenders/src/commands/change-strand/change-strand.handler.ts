import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { ChangeStrandCommand } from './change-strand.command';

@CommandHandler(ChangeStrandCommand)
export class ChangeStrandHandler implements ICommandHandler<ChangeStrandCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: ChangeStrandCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'ChangeStrand', data: { ...message.body } }));
  }
}
