import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { AssignSupervisionTeamCommand } from './assign-supervision-team.command';
import { AssignSupervisionTeamDto } from './assign-supervision-team.dto';

@Controller('api/offenders/:offenderId/supervision-team')
export class AssignSupervisionTeamController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Assign the probation and police officers who supervise the offender')
  assignSupervisionTeam(
    @OffenderId() offenderId: string,
    @Body() body: AssignSupervisionTeamDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new AssignSupervisionTeamCommand(offenderId, body, context));
  }
}
