import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { AssignSupervisionTeamCommand } from './assign-supervision-team.command';

@CommandHandler(AssignSupervisionTeamCommand)
export class AssignSupervisionTeamHandler implements ICommandHandler<AssignSupervisionTeamCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: AssignSupervisionTeamCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'AssignSupervisionTeam', data: { ...message.body } }));
  }
}
