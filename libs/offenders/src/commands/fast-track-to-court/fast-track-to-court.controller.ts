import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { FastTrackToCourtCommand } from './fast-track-to-court.command';
import { FastTrackToCourtDto } from './fast-track-to-court.dto';

@Controller('api/offenders/:offenderId/court-fast-tracks')
export class FastTrackToCourtController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Fast-track the offender back to court')
  fastTrackToCourt(
    @OffenderId() offenderId: string,
    @Body() body: FastTrackToCourtDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new FastTrackToCourtCommand(offenderId, body, context));
  }
}
