import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { StartCommunityOrderCommand } from './start-community-order.command';

@CommandHandler(StartCommunityOrderCommand)
export class StartCommunityOrderHandler implements ICommandHandler<StartCommunityOrderCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: StartCommunityOrderCommand): Promise<CommandResult> {
    return this.runner.run(message, (newId) => ({ type: 'StartCommunityOrder', data: { ...message.body, orderId: newId() } }));
  }
}
