import { STRANDS, STRAND_CHANGES } from '@ppo/domain';
import type { CommandFormDefinition } from '../command-form/command-form';
import { ChangeStrandCommand, ChangeStrandDto } from '@ppo/offenders';
import { sentence } from '../../shared/format';
import { dateField } from './common-fields';

/** Add, end or make current a strand (supervisors only): Catch and convict and Rehabilitate and resettle run in parallel. */
export const changeStrandForm: CommandFormDefinition = {
  slug: 'change-strand',
  title: 'Change strand',
  permission: 'offender.supervise',
  command: ChangeStrandCommand,
  dto: ChangeStrandDto,
  intro: ({ record }) => {
    const strands = record?.state.strands;
    if (!strands?.active.length) return undefined;
    return `Strands now: ${strands.active.map((s) => `${sentence(s)}${s === strands.current ? ' (main strand)' : ''}`).join(', ')}.`;
  },
  fields: [
    { kind: 'radios', name: 'strand', label: 'Strand', noun: 'the strand', options: STRANDS },
    {
      kind: 'radios',
      name: 'change',
      label: 'What changes?',
      noun: 'what changes',
      options: STRAND_CHANGES,
      labels: { added: 'Add it alongside their other strands', ended: 'End it', 'made-current': 'Make it the strand they are mainly managed under' },
    },
    dateField('changedOn', 'Date of the change', 'the date of the change'),
    { kind: 'textarea', name: 'reason', label: 'Reason', noun: 'the reason' },
  ],
};
