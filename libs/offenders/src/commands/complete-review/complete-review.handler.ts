import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../shared/command-context';
import { OffenderCommandRunner } from '../../shared/offender-command-runner';
import { CompleteReviewCommand } from './complete-review.command';

@CommandHandler(CompleteReviewCommand)
export class CompleteReviewHandler implements ICommandHandler<CompleteReviewCommand, CommandResult> {
  constructor(private readonly runner: OffenderCommandRunner) {}

  execute(message: CompleteReviewCommand): Promise<CommandResult> {
    return this.runner.run(message, () => ({ type: 'CompleteReview', data: { ...message.body } }));
  }
}
