import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../shared/clock';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { RestrictProcessingCommand } from './restrict-processing.command';

@CommandHandler(RestrictProcessingCommand)
export class RestrictProcessingHandler implements ICommandHandler<RestrictProcessingCommand, CommandResult> {
  constructor(
    private readonly runner: OffenderCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(message: RestrictProcessingCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'RestrictProcessing', data: { reason: message.body.reason, restrictedOn: this.clock.today() } }));
  }
}
