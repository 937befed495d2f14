import { OFFENCES } from '@ppo/domain';
import type { CommandFormDefinition } from '../command-form/command-form';
import { RecordConvictionCommand, RecordConvictionDto } from '@ppo/offenders';
import { dateField } from './common-fields';

/** Record a conviction: what for, when, and which court. Convictions in the window count towards eligibility. */
export const recordConvictionForm: CommandFormDefinition = {
  slug: 'record-conviction',
  title: 'Record a conviction',
  permission: 'offender.command',
  command: RecordConvictionCommand,
  dto: RecordConvictionDto,
  fields: [
    { kind: 'select', name: 'offence', label: 'Offence', noun: 'the offence', options: OFFENCES, emptyOption: 'Select an offence' },
    dateField('offenceDate', 'Date of the offence', 'the date of the offence'),
    dateField('convictionDate', 'Date of conviction', 'the date of conviction'),
    { kind: 'text', name: 'court', label: 'Court', hint: 'For example, Newcastle Magistrates’ Court', noun: 'the court' },
    { kind: 'text', name: 'sentence', label: 'Sentence (optional)', hint: 'The sentence passed, in words', noun: 'the sentence' },
  ],
};
