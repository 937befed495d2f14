import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { AdoptOffenderCommand } from './adopt-offender.command';

@CommandHandler(AdoptOffenderCommand)
export class AdoptOffenderHandler implements ICommandHandler<AdoptOffenderCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: AdoptOffenderCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'AdoptOffender', data: { ...message.body } }));
  }
}
