import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { ChangeStrandCommand } from './change-strand.command';
import { ChangeStrandDto } from './change-strand.dto';

@Controller('api/offenders/:offenderId/strand-changes')
export class ChangeStrandController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Add, end or make current a strand', '', 'offender.supervise')
  changeStrand(
    @OffenderId() offenderId: string,
    @Body() body: ChangeStrandDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new ChangeStrandCommand(offenderId, body, context));
  }
}
