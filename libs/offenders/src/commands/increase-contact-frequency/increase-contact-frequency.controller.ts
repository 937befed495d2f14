import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { IncreaseContactFrequencyCommand } from './increase-contact-frequency.command';
import { IncreaseContactFrequencyDto } from './increase-contact-frequency.dto';

@Controller('api/offenders/:offenderId/contact-frequency/increases')
export class IncreaseContactFrequencyController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Increase required contact')
  increaseContactFrequency(
    @OffenderId() offenderId: string,
    @Body() body: IncreaseContactFrequencyDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new IncreaseContactFrequencyCommand(offenderId, body, context));
  }
}
