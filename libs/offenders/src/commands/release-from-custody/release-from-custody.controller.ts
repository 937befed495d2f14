import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { ReleaseFromCustodyCommand } from './release-from-custody.command';
import { ReleaseFromCustodyDto } from './release-from-custody.dto';

@Controller('api/offenders/:offenderId/custody/release')
export class ReleaseFromCustodyController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Record release from custody')
  releaseFromCustody(
    @OffenderId() offenderId: string,
    @Body() body: ReleaseFromCustodyDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new ReleaseFromCustodyCommand(offenderId, body, context));
  }
}
