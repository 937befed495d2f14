import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../shared/clock';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { RetractEventCommand } from './retract-event.command';

@CommandHandler(RetractEventCommand)
export class RetractEventHandler implements ICommandHandler<RetractEventCommand, CommandResult> {
  constructor(
    private readonly runner: OffenderCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(message: RetractEventCommand): Promise<CommandResult> {
    const { eventId, reason } = message.body;
    return this.runner.run(message, () => ({ type: 'RetractEvent', data: { eventId, reason, retractedOn: this.clock.today() } }));
  }
}
