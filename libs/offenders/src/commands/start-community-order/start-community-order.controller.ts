import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { StartCommunityOrderCommand } from './start-community-order.command';
import { StartCommunityOrderDto } from './start-community-order.dto';

@Controller('api/offenders/:offenderId/community-orders')
export class StartCommunityOrderController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Record a community order')
  startCommunityOrder(
    @OffenderId() offenderId: string,
    @Body() body: StartCommunityOrderDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new StartCommunityOrderCommand(offenderId, body, context));
  }
}
