import type { CommandFormDefinition } from '../command-form/command-form';
import { ReduceContactFrequencyCommand, ReduceContactFrequencyDto } from '@ppo/offenders';
import { perWeek } from '../../shared/format';
import { dateField } from './common-fields';

/** Reduce required contact after a stable period with no lapse (the scheme policy says how long, 28 days by default). */
export const reduceContactFrequencyForm: CommandFormDefinition = {
  slug: 'reduce-contact-frequency',
  title: 'Reduce contact',
  permission: 'offender.command',
  command: ReduceContactFrequencyCommand,
  dto: ReduceContactFrequencyDto,
  intro: ({ record }) => record && `Contact is now ${perWeek(record.state.contactsPerWeek)}. It can be reduced after a stable period with no lapse.`,
  fields: [
    { kind: 'number', name: 'contactsPerWeek', label: 'Contacts a week from now on', hint: 'For example, 2. Enter 0.5 for once a fortnight.', noun: 'the number of contacts a week', suffix: 'a week' },
    { kind: 'textarea', name: 'reason', label: 'Why contact can be reduced', noun: 'why contact can be reduced' },
    dateField('effectiveOn', 'Date it takes effect', 'the date it takes effect'),
  ],
};
