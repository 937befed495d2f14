import { REVIEW_DECISIONS, type IsoDate, type ReviewDecision } from '@ppo/domain';
import { DateField, EnumField, TextField } from '../../shared/http/request-fields';

/** Request body: record a six-monthly review. */
export class CompleteReviewDto {
  @DateField('When the review took place')
  reviewedOn!: IsoDate;

  @EnumField(REVIEW_DECISIONS, 'What the review decided')
  decision!: ReviewDecision;

  @DateField('When the next review is due (defaults to six months on)', { optional: true })
  nextReviewDue?: IsoDate;

  @TextField('Review notes', { optional: true, maxLength: 4000 })
  notes?: string;
}
