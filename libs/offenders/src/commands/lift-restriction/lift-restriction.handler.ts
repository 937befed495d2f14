import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../shared/clock';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { LiftRestrictionCommand } from './lift-restriction.command';

@CommandHandler(LiftRestrictionCommand)
export class LiftRestrictionHandler implements ICommandHandler<LiftRestrictionCommand, CommandResult> {
  constructor(
    private readonly runner: OffenderCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(message: LiftRestrictionCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'LiftRestriction', data: { reason: message.body.reason, liftedOn: this.clock.today() } }));
  }
}
