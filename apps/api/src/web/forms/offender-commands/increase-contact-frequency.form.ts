import type { CommandFormDefinition } from '../command-form/command-form';
import { IncreaseContactFrequencyCommand, IncreaseContactFrequencyDto } from '@ppo/offenders';
import { perWeek } from '../../shared/format';
import { dateField } from './common-fields';

/** Increase required contact, for instance after a lapse. */
export const increaseContactFrequencyForm: CommandFormDefinition = {
  slug: 'increase-contact-frequency',
  title: 'Increase contact',
  permission: 'offender.command',
  command: IncreaseContactFrequencyCommand,
  dto: IncreaseContactFrequencyDto,
  intro: ({ record }) => record && `Contact is now ${perWeek(record.state.contactsPerWeek)}.`,
  fields: [
    { kind: 'number', name: 'contactsPerWeek', label: 'Contacts a week from now on', hint: 'For example, 4', noun: 'the number of contacts a week', suffix: 'a week' },
    { kind: 'textarea', name: 'reason', label: 'Why contact must increase', noun: 'why contact must increase' },
    dateField('effectiveOn', 'Date it takes effect', 'the date it takes effect'),
  ],
};
