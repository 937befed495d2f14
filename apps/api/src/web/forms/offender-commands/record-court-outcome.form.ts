import { COURT_OUTCOMES } from '@ppo/domain';
import type { CommandFormDefinition } from '../command-form/command-form';
import { fastTracksAwaitingOutcome } from '../command-form/offender-record';
import { RecordCourtOutcomeCommand, RecordCourtOutcomeDto } from '@ppo/offenders';
import { dateField, DATE_HINT, pickOrNone, strandAfterwardsField } from './common-fields';

/**
 * Record what the court decided, usually on a fast-track picked from those
 * awaiting an outcome. Custody needs the sentence's length; a new community
 * order needs its end date.
 */
export const recordCourtOutcomeForm: CommandFormDefinition = {
  slug: 'record-court-outcome',
  title: 'Record a court outcome',
  permission: 'offender.command',
  command: RecordCourtOutcomeCommand,
  dto: RecordCourtOutcomeDto,
  fields: [
    {
      kind: 'radios',
      name: 'fastTrackId',
      label: 'Fast-track this hearing follows',
      noun: 'the fast-track this hearing follows',
      options: ({ record }) => (record ? pickOrNone(fastTracksAwaitingOutcome(record), 'It does not follow a fast-track') : []),
      noOptions: 'No fast-track is awaiting an outcome, so this outcome will not follow one.',
    },
    { kind: 'radios', name: 'outcome', label: 'What did the court decide?', noun: 'what the court decided', options: COURT_OUTCOMES },
    dateField('decidedOn', 'Date of the decision', 'the date of the decision'),
    { kind: 'text', name: 'court', label: 'Court', hint: 'For example, Newcastle Magistrates’ Court', noun: 'the court' },
    { kind: 'number', name: 'custodyMonths', label: 'Length of the custodial sentence (custody only)', hint: 'In whole months, for example 18', noun: 'the length of the sentence', suffix: 'months' },
    dateField('orderEndsOn', 'End date of the new order (new community order only)', 'the end date of the new order', { hint: `It will usually be in the future. ${DATE_HINT}` }),
    strandAfterwardsField('Not for a custody outcome, which makes Catch and convict their main strand.'),
  ],
};
