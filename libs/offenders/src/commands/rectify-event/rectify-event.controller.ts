import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { RectifyEventCommand } from './rectify-event.command';
import { RectifyEventDto } from './rectify-event.dto';

@Controller('api/offenders/:offenderId/events/:eventId/rectifications')
export class RectifyEventController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Rectify a conviction, arrest, harm indicator, contact or lapse recorded wrongly, with the corrected fact (the history keeps both, and who did it)')
  @ApiParam({ name: 'eventId', format: 'uuid', description: 'The event recorded wrongly' })
  rectifyEvent(
    @OffenderId() offenderId: string,
    @Param('eventId', new ParseUUIDPipe({ version: undefined })) eventId: string,
    @Body() body: RectifyEventDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new RectifyEventCommand(offenderId, { ...body, eventId }, context));
  }
}
