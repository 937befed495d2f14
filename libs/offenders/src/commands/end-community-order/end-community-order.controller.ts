import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { EndCommunityOrderCommand } from './end-community-order.command';
import { EndCommunityOrderDto } from './end-community-order.dto';

@Controller('api/offenders/:offenderId/community-orders')
export class EndCommunityOrderController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Record the end of a community order', ':orderId/end')
  @ApiParam({ name: 'orderId', format: 'uuid' })
  endCommunityOrder(
    @OffenderId() offenderId: string,
    @Param('orderId', new ParseUUIDPipe()) orderId: string,
    @Body() body: EndCommunityOrderDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new EndCommunityOrderCommand(offenderId, { ...body, orderId }, context));
  }
}
