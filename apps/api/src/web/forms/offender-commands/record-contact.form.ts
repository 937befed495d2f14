import { CONTACT_KINDS, CONTACT_OUTCOMES } from '@ppo/domain';
import type { CommandFormDefinition } from '../command-form/command-form';
import { RecordContactCommand, RecordContactDto } from '@ppo/offenders';
import { dateField, notesField } from './common-fields';

/** Record a supervision contact (a home visit, an office appointment...) and whether the offender attended. */
export const recordContactForm: CommandFormDefinition = {
  slug: 'record-contact',
  title: 'Record a contact',
  permission: 'offender.command',
  command: RecordContactCommand,
  dto: RecordContactDto,
  fields: [
    dateField('contactOn', 'Date of the contact', 'the date of the contact', { hint: 'When it took place, or was due if they did not attend. For example, 27 3 2026' }),
    { kind: 'radios', name: 'kind', label: 'Kind of contact', noun: 'the kind of contact', options: CONTACT_KINDS },
    { kind: 'radios', name: 'outcome', label: 'Did they attend?', noun: 'whether they attended', options: CONTACT_OUTCOMES, labels: { attended: 'Yes, they attended', 'acceptable-absence': 'No, with an acceptable reason', 'unacceptable-absence': 'No, without an acceptable reason' } },
    notesField('notes', 'Case notes', 'the case notes'),
  ],
};
