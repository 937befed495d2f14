import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { RecordConvictionCommand } from './record-conviction.command';
import { RecordConvictionDto } from './record-conviction.dto';

@Controller('api/offenders/:offenderId/convictions')
export class RecordConvictionController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Record a conviction')
  recordConviction(
    @OffenderId() offenderId: string,
    @Body() body: RecordConvictionDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new RecordConvictionCommand(offenderId, body, context));
  }
}
