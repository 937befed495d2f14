import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { IdentifyNeedCommand } from './identify-need.command';
import { IdentifyNeedDto } from './identify-need.dto';

@Controller('api/offenders/:offenderId/needs')
export class IdentifyNeedController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Record a criminogenic need (OASys section)')
  identifyNeed(
    @OffenderId() offenderId: string,
    @Body() body: IdentifyNeedDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new IdentifyNeedCommand(offenderId, body, context));
  }
}
