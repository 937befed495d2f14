import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { StartInterventionCommand } from './start-intervention.command';
import { StartInterventionDto } from './start-intervention.dto';

@Controller('api/offenders/:offenderId/interventions')
export class StartInterventionController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Start an intervention addressing a need')
  startIntervention(
    @OffenderId() offenderId: string,
    @Body() body: StartInterventionDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new StartInterventionCommand(offenderId, body, context));
  }
}
