import { REVIEW_DECISIONS } from '@ppo/domain';
import type { CommandFormDefinition } from '../command-form/command-form';
import { CompleteReviewCommand, CompleteReviewDto } from '@ppo/offenders';
import { formatDate } from '../../shared/format';
import { dateField, notesField } from './common-fields';

/** Record a registration review (every six months by default) and what it decided. */
export const completeReviewForm: CommandFormDefinition = {
  slug: 'complete-review',
  title: 'Record a review',
  permission: 'offender.command',
  command: CompleteReviewCommand,
  dto: CompleteReviewDto,
  intro: ({ record }) => (record?.state.nextReviewDue ? `The next review is due on ${formatDate(record.state.nextReviewDue)}.` : undefined),
  fields: [
    dateField('reviewedOn', 'Date of the review', 'the date of the review'),
    { kind: 'radios', name: 'decision', label: 'What did the review decide?', noun: 'what the review decided', options: REVIEW_DECISIONS, labels: { continue: 'Continue on the scheme', 'recommend-deselection': 'Recommend deselection' } },
    dateField('nextReviewDue', 'Date the next review is due (optional)', 'the date the next review is due', { hint: 'Leave empty for the scheme’s usual interval after this review. For example, 27 9 2027' }),
    notesField('notes', 'Review notes', 'the review notes'),
  ],
};
