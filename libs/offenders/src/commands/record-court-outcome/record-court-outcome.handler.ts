import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { RecordCourtOutcomeCommand } from './record-court-outcome.command';

@CommandHandler(RecordCourtOutcomeCommand)
export class RecordCourtOutcomeHandler implements ICommandHandler<RecordCourtOutcomeCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: RecordCourtOutcomeCommand): Promise<CommandResult> {
    return this.runner.run(message, (newId) => ({ type: 'RecordCourtOutcome', data: { ...message.body, orderId: message.body.outcome === 'new-community-order' ? newId() : undefined } }));
  }
}
