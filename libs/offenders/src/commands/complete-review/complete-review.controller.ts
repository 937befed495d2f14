import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../shared/command-context';
import { RequestCommandContext } from '../../shared/http/command-context.decorator';
import { OffenderCommandEndpoint, OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { CompleteReviewCommand } from './complete-review.command';
import { CompleteReviewDto } from './complete-review.dto';

@Controller('api/offenders/:offenderId/reviews')
export class CompleteReviewController {
  constructor(private readonly commandBus: CommandBus) {}

  @OffenderCommandEndpoint('Record a six-monthly review')
  completeReview(
    @OffenderId() offenderId: string,
    @Body() body: CompleteReviewDto,
    @RequestCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commandBus.execute(new CompleteReviewCommand(offenderId, body, context));
  }
}
