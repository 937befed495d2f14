import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { DeselectOffenderCommand } from './deselect-offender.command';
import { DeselectOffenderDto } from './deselect-offender.dto';

@Controller('api/offenders/:offenderId/deselection')
export class DeselectOffenderController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Deselect the offender, with an exit plan and voluntary support', '', 'offender.supervise')
  deselectOffender(
    @OffenderId() offenderId: string,
    @Body() body: DeselectOffenderDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new DeselectOffenderCommand(offenderId, body, context));
  }
}
