import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { StartCustodyCommand } from './start-custody.command';

@CommandHandler(StartCustodyCommand)
export class StartCustodyHandler implements ICommandHandler<StartCustodyCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: StartCustodyCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'StartCustody', data: { ...message.body, remand: message.body.remand ?? false } }));
  }
}
