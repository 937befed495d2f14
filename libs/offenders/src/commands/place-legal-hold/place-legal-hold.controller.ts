import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { PlaceLegalHoldCommand } from './place-legal-hold.command';
import { PlaceLegalHoldDto } from './place-legal-hold.dto';

@Controller('api/offenders/:offenderId/legal-hold')
export class PlaceLegalHoldController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Place a legal hold on the record (the DPO): it is kept whatever the retention policy says, and cannot be erased', '', 'offender.restrict')
  placeLegalHold(@OffenderId() offenderId: string, @Body() body: PlaceLegalHoldDto, @RequestCommandContext() context: CommandContext): Promise<CommandResult> {
    return this.commandBus.execute(new PlaceLegalHoldCommand(offenderId, body, context));
  }
}
