import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { ReduceContactFrequencyCommand } from './reduce-contact-frequency.command';
import { ReduceContactFrequencyDto } from './reduce-contact-frequency.dto';

@Controller('api/offenders/:offenderId/contact-frequency/reductions')
export class ReduceContactFrequencyController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Reduce required contact after a stable period')
  reduceContactFrequency(
    @OffenderId() offenderId: string,
    @Body() body: ReduceContactFrequencyDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new ReduceContactFrequencyCommand(offenderId, body, context));
  }
}
