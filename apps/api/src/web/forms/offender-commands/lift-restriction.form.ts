import { LiftRestrictionCommand, LiftRestrictionDto } from '@ppo/offenders';
import type { CommandFormDefinition } from '../command-form/command-form';
import { formatDate } from '../../shared/format';

/** Lift the restriction on the record (the DPO): case workers and lists see it again. */
export const liftRestrictionForm: CommandFormDefinition = {
  slug: 'lift-restriction',
  title: 'Lift the restriction on this record',
  permission: 'offender.restrict',
  command: LiftRestrictionCommand,
  dto: LiftRestrictionDto,
  intro: ({ record }) => {
    const restriction = record?.state.restriction;
    if (!restriction) return 'Processing of this record is not restricted.';
    return `Processing of this record is restricted since ${formatDate(restriction.since)}: ${restriction.reason}. Once lifted, case workers of its area and their lists see it again.`;
  },
  fields: [{ kind: 'textarea', name: 'reason', label: 'Why is the restriction lifted?', hint: 'For example, the record was checked and found accurate.', noun: 'why the restriction is lifted' }],
  submitText: 'Lift the restriction',
};
