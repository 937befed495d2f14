import type { CommandFormDefinition } from '../command-form/command-form';
import { lapsesNotFastTracked } from '../command-form/offender-record';
import { FastTrackToCourtCommand, FastTrackToCourtDto } from '@ppo/offenders';
import { dateField, DATE_HINT, pickOrNone } from './common-fields';

/** Fast-track the offender back to court, usually after a lapse picked from those not yet fast-tracked. */
export const fastTrackToCourtForm: CommandFormDefinition = {
  slug: 'fast-track-to-court',
  title: 'Fast-track to court',
  permission: 'offender.command',
  command: FastTrackToCourtCommand,
  dto: FastTrackToCourtDto,
  fields: [
    {
      kind: 'radios',
      name: 'lapseId',
      label: 'Lapse it follows',
      noun: 'the lapse it follows',
      options: ({ record }) => (record ? pickOrNone(lapsesNotFastTracked(record), 'It does not follow a lapse') : []),
      noOptions: 'No lapse is waiting for a fast-track, so this fast-track will not follow one.',
    },
    dateField('fastTrackedOn', 'Date of the fast-track', 'the date of the fast-track'),
    { kind: 'text', name: 'court', label: 'Court', hint: 'For example, Newcastle Magistrates’ Court', noun: 'the court' },
    dateField('hearingOn', 'Hearing date', 'the hearing date', { hint: `It can be in the future. ${DATE_HINT}` }),
    { kind: 'textarea', name: 'reason', label: 'Reason', noun: 'the reason' },
  ],
};
