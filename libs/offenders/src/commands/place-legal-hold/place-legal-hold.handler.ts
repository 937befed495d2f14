import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../shared/clock';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { PlaceLegalHoldCommand } from './place-legal-hold.command';

@CommandHandler(PlaceLegalHoldCommand)
export class PlaceLegalHoldHandler implements ICommandHandler<PlaceLegalHoldCommand, CommandResult> {
  constructor(
    private readonly runner: OffenderCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(message: PlaceLegalHoldCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'PlaceLegalHold', data: { reason: message.body.reason, placedOn: this.clock.today() } }));
  }
}
