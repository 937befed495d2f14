import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { RecordHarmIndicatorCommand } from './record-harm-indicator.command';
import { RecordHarmIndicatorDto } from './record-harm-indicator.dto';

@Controller('api/offenders/:offenderId/harm-indicators')
export class RecordHarmIndicatorController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Record harm other than offending (gang leadership, anti-social behaviour)')
  recordHarmIndicator(
    @OffenderId() offenderId: string,
    @Body() body: RecordHarmIndicatorDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new RecordHarmIndicatorCommand(offenderId, body, context));
  }
}
