import { ERASURE_GROUNDS } from '@ppo/domain';
import { ErasePersonalDataCommand, ErasePersonalDataDto } from '@ppo/offenders';
import type { CommandFormDefinition } from '../command-form/command-form';
import { formatDate } from '../../shared/format';

/**
 * Erase the offender's personal data (the DPO, DPA 2018 s.47). It cannot be undone: the form says so, and a legal
 * hold refuses it. The receipt is the PersonalDataErased entry in the history (and the API's answer).
 */
export const erasePersonalDataForm: CommandFormDefinition = {
  slug: 'erase-personal-data',
  title: "Erase this person's personal data",
  permission: 'personal-data.erase',
  command: ErasePersonalDataCommand,
  dto: ErasePersonalDataDto,
  intro: ({ record }) => {
    const hold = record?.state.legalHold;
    if (hold) return `A legal hold is in place since ${formatDate(hold.since)}: the personal data must be kept until it is released.`;
    return 'This cannot be undone. Their name, date of birth, CRN, PNC id and every note in their history will read [erased] for everyone, for good. The facts stay (dates, convictions, contacts), so the scheme figures do not change, and nothing more can be recorded about them.';
  },
  fields: [
    {
      kind: 'radios',
      name: 'ground',
      label: 'Why must the personal data be erased?',
      noun: 'why the personal data must be erased',
      options: ERASURE_GROUNDS,
      labels: {
        'principles-infringed': 'Keeping it would infringe the data protection principles',
        'legal-obligation': 'The law requires it to be erased',
        'retention-period-ended': 'The retention period has ended and the review found no reason to keep it',
      },
    },
  ],
  submitText: 'Erase the personal data',
};
