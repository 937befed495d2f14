import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { LiftRestrictionCommand } from './lift-restriction.command';
import { LiftRestrictionDto } from './lift-restriction.dto';

@Controller('api/offenders/:offenderId/restriction/lifting')
export class LiftRestrictionController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Lift the restriction on the record (the DPO)', '', 'offender.restrict')
  liftRestriction(@OffenderId() offenderId: string, @Body() body: LiftRestrictionDto, @RequestCommandContext() context: CommandContext): Promise<CommandResult> {
    return this.commandBus.execute(new LiftRestrictionCommand(offenderId, body, context));
  }
}
