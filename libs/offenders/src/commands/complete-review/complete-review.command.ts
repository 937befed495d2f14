import { OffenderCommandMessage } from '../../shared/command-context';
import type { CompleteReviewDto } from './complete-review.dto';

/** Record a six-monthly review: the message the CommandBus routes to CompleteReviewHandler. */
export class CompleteReviewCommand extends OffenderCommandMessage<CompleteReviewDto> {}
