import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { IncreaseContactFrequencyCommand } from './increase-contact-frequency.command';

@CommandHandler(IncreaseContactFrequencyCommand)
export class IncreaseContactFrequencyHandler implements ICommandHandler<IncreaseContactFrequencyCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: IncreaseContactFrequencyCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'IncreaseContactFrequency', data: { ...message.body } }));
  }
}
