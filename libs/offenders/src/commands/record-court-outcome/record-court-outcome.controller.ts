import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { RecordCourtOutcomeCommand } from './record-court-outcome.command';
import { RecordCourtOutcomeDto } from './record-court-outcome.dto';

@Controller('api/offenders/:offenderId/court-outcomes')
export class RecordCourtOutcomeController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Record a court outcome')
  recordCourtOutcome(
    @OffenderId() offenderId: string,
    @Body() body: RecordCourtOutcomeDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new RecordCourtOutcomeCommand(offenderId, body, context));
  }
}
