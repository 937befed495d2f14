import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { RecordContactCommand } from './record-contact.command';
import { RecordContactDto } from './record-contact.dto';

@Controller('api/offenders/:offenderId/contacts')
export class RecordContactController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Record a supervision contact and its outcome')
  recordContact(
    @OffenderId() offenderId: string,
    @Body() body: RecordContactDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new RecordContactCommand(offenderId, body, context));
  }
}
