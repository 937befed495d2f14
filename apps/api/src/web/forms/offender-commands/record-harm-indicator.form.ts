import { HARM_INDICATORS } from '@ppo/domain';
import type { CommandFormDefinition } from '../command-form/command-form';
import { RecordHarmIndicatorCommand, RecordHarmIndicatorDto } from '@ppo/offenders';
import { dateField, notesField } from './common-fields';

/** Record harm other than offending (gang leadership, anti-social behaviour), which local selection may weigh. */
export const recordHarmIndicatorForm: CommandFormDefinition = {
  slug: 'record-harm-indicator',
  title: 'Record harm other than offending',
  permission: 'offender.command',
  command: RecordHarmIndicatorCommand,
  dto: RecordHarmIndicatorDto,
  fields: [
    { kind: 'radios', name: 'indicator', label: 'Kind of harm', noun: 'the kind of harm', options: HARM_INDICATORS, labels: { 'anti-social-behaviour': 'Anti-social behaviour' } },
    dateField('recordedOn', 'Date it was recorded', 'the date it was recorded'),
    notesField('details', 'What was seen or reported', 'what was seen or reported'),
  ],
};
