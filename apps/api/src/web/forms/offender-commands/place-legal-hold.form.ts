import { PlaceLegalHoldCommand, PlaceLegalHoldDto } from '@ppo/offenders';
import type { CommandFormDefinition } from '../command-form/command-form';
import { formatDate } from '../../shared/format';

/** Place a legal hold (the DPO): the record is kept whatever the retention policy says, and cannot be erased. */
export const placeLegalHoldForm: CommandFormDefinition = {
  slug: 'place-legal-hold',
  title: 'Place a legal hold on this record',
  permission: 'offender.restrict',
  command: PlaceLegalHoldCommand,
  dto: PlaceLegalHoldDto,
  intro: ({ record }) => {
    const hold = record?.state.legalHold;
    if (hold) return `A legal hold is already in place, since ${formatDate(hold.since)}: ${hold.reason}.`;
    return 'While the hold is in place the record is kept whatever the retention policy says: it is listed as held in the retention review, and its personal data cannot be erased.';
  },
  fields: [
    {
      kind: 'textarea',
      name: 'reason',
      label: 'Why must the record be kept?',
      hint: 'For example, a civil claim or a public inquiry that needs it. Auditors and the data protection officer will see this.',
      noun: 'why the record must be kept',
    },
  ],
  submitText: 'Place the legal hold',
};
