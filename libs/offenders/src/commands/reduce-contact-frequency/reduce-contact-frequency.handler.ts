import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { ReduceContactFrequencyCommand } from './reduce-contact-frequency.command';

@CommandHandler(ReduceContactFrequencyCommand)
export class ReduceContactFrequencyHandler implements ICommandHandler<ReduceContactFrequencyCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: ReduceContactFrequencyCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'ReduceContactFrequency', data: { ...message.body } }));
  }
}
