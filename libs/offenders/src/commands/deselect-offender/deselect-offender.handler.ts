import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { DeselectOffenderCommand } from './deselect-offender.command';

@CommandHandler(DeselectOffenderCommand)
export class DeselectOffenderHandler implements ICommandHandler<DeselectOffenderCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: DeselectOffenderCommand): Promise<CommandResult> {
    const { exitPlan, ...rest } = message.body;
    return this.runner.run(message, () => ({
      type: 'DeselectOffender',
      data: { ...rest, exitPlan: exitPlan && { summary: exitPlan.summary, voluntarySupport: [...exitPlan.voluntarySupport] } },
    }));
  }
}
