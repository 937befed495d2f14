import { OFFENCES } from '@ppo/domain';
import type { CommandFormDefinition } from '../command-form/command-form';
import { RecordArrestCommand, RecordArrestDto } from '@ppo/offenders';
import { dateField } from './common-fields';

/** Record an arrest: when, and for what. */
export const recordArrestForm: CommandFormDefinition = {
  slug: 'record-arrest',
  title: 'Record an arrest',
  permission: 'offender.command',
  command: RecordArrestCommand,
  dto: RecordArrestDto,
  fields: [
    dateField('arrestedOn', 'Date of the arrest', 'the date of the arrest'),
    { kind: 'select', name: 'offence', label: 'Offence they were arrested for', noun: 'the offence', options: OFFENCES, emptyOption: 'Select an offence' },
  ],
};
