import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { StartCustodyCommand } from './start-custody.command';
import { StartCustodyDto } from './start-custody.dto';

@Controller('api/offenders/:offenderId/custody')
export class StartCustodyController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Record that the offender went into custody')
  startCustody(
    @OffenderId() offenderId: string,
    @Body() body: StartCustodyDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new StartCustodyCommand(offenderId, body, context));
  }
}
