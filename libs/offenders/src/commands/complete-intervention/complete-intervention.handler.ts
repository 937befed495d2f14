import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { CompleteInterventionCommand } from './complete-intervention.command';

@CommandHandler(CompleteInterventionCommand)
export class CompleteInterventionHandler implements ICommandHandler<CompleteInterventionCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: CompleteInterventionCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'CompleteIntervention', data: { ...message.body } }));
  }
}
