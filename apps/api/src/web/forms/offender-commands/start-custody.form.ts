import type { CommandFormDefinition } from '../command-form/command-form';
import { StartCustodyCommand, StartCustodyDto } from '@ppo/offenders';
import { defaultBody } from '../command-form/read-posted-form';
import { dateField } from './common-fields';

/** Record that the offender went into custody, sentenced or on remand. A long sentence prompts deselection. */
export const startCustodyForm: CommandFormDefinition = {
  slug: 'start-custody',
  title: 'Record custody',
  permission: 'offender.command',
  command: StartCustodyCommand,
  dto: StartCustodyDto,
  fields: [
    dateField('startedOn', 'Date custody began', 'the date custody began'),
    {
      kind: 'radios',
      name: 'remand',
      label: 'Sentenced or remanded?',
      noun: 'whether they were sentenced or remanded',
      required: true,
      options: () => [
        { value: 'sentenced', text: 'Sentenced' },
        { value: 'remanded', text: 'Remanded in custody' },
      ],
    },
    { kind: 'number', name: 'sentenceMonths', label: 'Length of the sentence (if sentenced)', hint: 'In whole months, for example 18', noun: 'the length of the sentence', suffix: 'months' },
  ],
  toBody: (values) => defaultBody({ ...values, remand: values.remand === undefined ? undefined : values.remand === 'remanded' }),
};
