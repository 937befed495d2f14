import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../shared/clock';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { ReleaseLegalHoldCommand } from './release-legal-hold.command';

@CommandHandler(ReleaseLegalHoldCommand)
export class ReleaseLegalHoldHandler implements ICommandHandler<ReleaseLegalHoldCommand, CommandResult> {
  constructor(
    private readonly runner: OffenderCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(message: ReleaseLegalHoldCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'ReleaseLegalHold', data: { reason: message.body.reason, releasedOn: this.clock.today() } }));
  }
}
