import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { ReleaseLegalHoldCommand } from './release-legal-hold.command';
import { ReleaseLegalHoldDto } from './release-legal-hold.dto';

@Controller('api/offenders/:offenderId/legal-hold/release')
export class ReleaseLegalHoldController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Release the legal hold on the record (the DPO)', '', 'offender.restrict')
  releaseLegalHold(@OffenderId() offenderId: string, @Body() body: ReleaseLegalHoldDto, @RequestCommandContext() context: CommandContext): Promise<CommandResult> {
    return this.commandBus.execute(new ReleaseLegalHoldCommand(offenderId, body, context));
  }
}
