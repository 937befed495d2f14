import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { RestrictProcessingCommand } from './restrict-processing.command';
import { RestrictProcessingDto } from './restrict-processing.dto';

@Controller('api/offenders/:offenderId/restriction')
export class RestrictProcessingController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Restrict processing of the record (the DPO): hidden from all but auditors and the DPO, with the reason', '', 'offender.restrict')
  restrictProcessing(@OffenderId() offenderId: string, @Body() body: RestrictProcessingDto, @RequestCommandContext() context: CommandContext): Promise<CommandResult> {
    return this.commandBus.execute(new RestrictProcessingCommand(offenderId, body, context));
  }
}
