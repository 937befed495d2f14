import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { RecordArrestCommand } from './record-arrest.command';
import { RecordArrestDto } from './record-arrest.dto';

@Controller('api/offenders/:offenderId/arrests')
export class RecordArrestController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Record an arrest')
  recordArrest(
    @OffenderId() offenderId: string,
    @Body() body: RecordArrestDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new RecordArrestCommand(offenderId, body, context));
  }
}
