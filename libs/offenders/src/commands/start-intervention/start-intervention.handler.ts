import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { StartInterventionCommand } from './start-intervention.command';

@CommandHandler(StartInterventionCommand)
export class StartInterventionHandler implements ICommandHandler<StartInterventionCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: StartInterventionCommand): Promise<CommandResult> {
    return this.runner.run(message, (newId) => ({ type: 'StartIntervention', data: { ...message.body, interventionId: newId() } }));
  }
}
