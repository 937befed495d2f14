import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { ReleaseFromCustodyCommand } from './release-from-custody.command';

@CommandHandler(ReleaseFromCustodyCommand)
export class ReleaseFromCustodyHandler implements ICommandHandler<ReleaseFromCustodyCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: ReleaseFromCustodyCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'ReleaseFromCustody', data: { ...message.body } }));
  }
}
