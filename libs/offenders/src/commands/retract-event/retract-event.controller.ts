import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { RetractEventCommand } from './retract-event.command';
import { RetractEventDto } from './retract-event.dto';

@Controller('api/offenders/:offenderId/events/:eventId/retractions')
export class RetractEventController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Retract a conviction, arrest, harm indicator, contact or lapse recorded in error (the history keeps both, and who did it)')
  @ApiParam({ name: 'eventId', format: 'uuid', description: 'The event recorded in error' })
  retractEvent(
    @OffenderId() offenderId: string,
    @Param('eventId', new ParseUUIDPipe({ version: undefined })) eventId: string,
    @Body() body: RetractEventDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new RetractEventCommand(offenderId, { ...body, eventId }, context));
  }
}
