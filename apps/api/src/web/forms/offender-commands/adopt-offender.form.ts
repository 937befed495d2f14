import { STRANDS } from '@ppo/domain';
import type { CommandFormDefinition } from '../command-form/command-form';
import { AdoptOffenderCommand, AdoptOffenderDto } from '@ppo/offenders';
import { dateField } from './common-fields';

/** Adopt the offender onto the scheme after the panel's decision (supervisors only); contact starts at the policy's four a week. */
export const adoptOffenderForm: CommandFormDefinition = {
  slug: 'adopt-offender',
  title: 'Adopt onto the scheme',
  permission: 'offender.supervise',
  command: AdoptOffenderCommand,
  dto: AdoptOffenderDto,
  intro: () => 'Contact starts at the area’s contact frequency on adoption, four a week unless its policy says otherwise.',
  fields: [
    dateField('adoptedOn', 'Date the panel adopted them', 'the date the panel adopted them'),
    {
      kind: 'select',
      name: 'strand',
      label: 'Strand',
      hint: 'Someone under 18 is adopted on Prevent and deter.',
      noun: 'the strand',
      options: STRANDS,
      emptyOption: 'Decide by age: Prevent and deter under 18, otherwise Rehabilitate and resettle',
    },
    { kind: 'textarea', name: 'reason', label: 'Panel’s reason (optional)', hint: 'Needed if they do not meet the local selection criteria.', noun: 'the panel’s reason' },
  ],
};
