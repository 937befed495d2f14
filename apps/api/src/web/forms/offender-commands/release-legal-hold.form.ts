import { ReleaseLegalHoldCommand, ReleaseLegalHoldDto } from '@ppo/offenders';
import type { CommandFormDefinition } from '../command-form/command-form';
import { formatDate } from '../../shared/format';

/** Release the legal hold (the DPO): the retention policy applies again. */
export const releaseLegalHoldForm: CommandFormDefinition = {
  slug: 'release-legal-hold',
  title: 'Release the legal hold on this record',
  permission: 'offender.restrict',
  command: ReleaseLegalHoldCommand,
  dto: ReleaseLegalHoldDto,
  intro: ({ record }) => {
    const hold = record?.state.legalHold;
    if (!hold) return 'There is no legal hold on this record.';
    return `A legal hold is in place since ${formatDate(hold.since)}: ${hold.reason}. Once released, the retention policy applies again.`;
  },
  fields: [{ kind: 'textarea', name: 'reason', label: 'Why does the hold end?', hint: 'For example, the claim was settled.', noun: 'why the hold ends' }],
  submitText: 'Release the legal hold',
};
