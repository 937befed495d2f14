import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { AdoptOffenderCommand } from './adopt-offender.command';
import { AdoptOffenderDto } from './adopt-offender.dto';

@Controller('api/offenders/:offenderId/adoption')
export class AdoptOffenderController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Adopt the offender onto the scheme (4 contacts a week at first)', '', 'offender.supervise')
  adoptOffender(
    @OffenderId() offenderId: string,
    @Body() body: AdoptOffenderDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new AdoptOffenderCommand(offenderId, body, context));
  }
}
