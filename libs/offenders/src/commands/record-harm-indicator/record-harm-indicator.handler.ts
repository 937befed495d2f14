import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { RecordHarmIndicatorCommand } from './record-harm-indicator.command';

@CommandHandler(RecordHarmIndicatorCommand)
export class RecordHarmIndicatorHandler implements ICommandHandler<RecordHarmIndicatorCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: RecordHarmIndicatorCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'RecordHarmIndicator', data: { ...message.body } }));
  }
}
