import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { IdentifyNeedCommand } from './identify-need.command';

@CommandHandler(IdentifyNeedCommand)
export class IdentifyNeedHandler implements ICommandHandler<IdentifyNeedCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: IdentifyNeedCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'IdentifyNeed', data: { ...message.body } }));
  }
}
