import { LAPSE_KINDS, SEVERITIES } from '@ppo/domain';
import type { CommandFormDefinition } from '../command-form/command-form';
import { RecordLapseCommand, RecordLapseDto } from '@ppo/offenders';
import { dateField, notesField } from './common-fields';

/** Record a lapse (drug use, reoffending, missed contacts). A recent lapse escalates supervision and may lead to a fast-track to court. */
export const recordLapseForm: CommandFormDefinition = {
  slug: 'record-lapse',
  title: 'Record a lapse',
  permission: 'offender.command',
  command: RecordLapseCommand,
  dto: RecordLapseDto,
  fields: [
    dateField('occurredOn', 'Date of the lapse', 'the date of the lapse'),
    { kind: 'radios', name: 'kind', label: 'Kind of lapse', noun: 'the kind of lapse', options: LAPSE_KINDS },
    { kind: 'radios', name: 'severity', label: 'How serious was it?', noun: 'how serious the lapse was', options: SEVERITIES },
    notesField('notes', 'What happened', 'what happened'),
  ],
};
