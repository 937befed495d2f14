import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { EndCommunityOrderCommand } from './end-community-order.command';

@CommandHandler(EndCommunityOrderCommand)
export class EndCommunityOrderHandler implements ICommandHandler<EndCommunityOrderCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: EndCommunityOrderCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'EndCommunityOrder', data: { ...message.body } }));
  }
}
