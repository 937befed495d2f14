import { RestrictProcessingCommand, RestrictProcessingDto } from '@ppo/offenders';
import type { CommandFormDefinition } from '../command-form/command-form';
import { formatDate } from '../../shared/format';

/**
 * Restrict processing of the record (the DPO, DPA 2018 s.47): from then on
 * it answers as if it did not exist to all but auditors and the DPO.
 */
export const restrictProcessingForm: CommandFormDefinition = {
  slug: 'restrict-processing',
  title: 'Restrict processing of this record',
  permission: 'offender.restrict',
  command: RestrictProcessingCommand,
  dto: RestrictProcessingDto,
  intro: ({ record }) => {
    const restriction = record?.state.restriction;
    if (restriction) return `Processing of this record is already restricted, since ${formatDate(restriction.since)}: ${restriction.reason}.`;
    return 'Once restricted, the record is hidden from case workers, supervisors and every list and report: only auditors and the data protection officer still see it, with the reason.';
  },
  fields: [
    {
      kind: 'textarea',
      name: 'reason',
      label: 'Why is processing restricted?',
      hint: 'For example, the person contests the accuracy of the record and it is being checked. Auditors and the data protection officer will see this.',
      noun: 'why processing is restricted',
    },
  ],
  submitText: 'Restrict processing',
};
