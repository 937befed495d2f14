import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { RecordLapseCommand } from './record-lapse.command';
import { RecordLapseDto } from './record-lapse.dto';

@Controller('api/offenders/:offenderId/lapses')
export class RecordLapseController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Record a lapse (drug use, reoffending, missed contacts)')
  recordLapse(
    @OffenderId() offenderId: string,
    @Body() body: RecordLapseDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new RecordLapseCommand(offenderId, body, context));
  }
}
