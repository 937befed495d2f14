import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { CompleteInterventionCommand } from './complete-intervention.command';
import { CompleteInterventionDto } from './complete-intervention.dto';

@Controller('api/offenders/:offenderId/interventions')
export class CompleteInterventionController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Record how an intervention ended', ':interventionId/completion')
  @ApiParam({ name: 'interventionId', format: 'uuid' })
  completeIntervention(
    @OffenderId() offenderId: string,
    @Param('interventionId', new ParseUUIDPipe()) interventionId: string,
    @Body() body: CompleteInterventionDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new CompleteInterventionCommand(offenderId, { ...body, interventionId }, context));
  }
}
