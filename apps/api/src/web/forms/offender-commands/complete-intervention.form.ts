import { INTERVENTION_RESULTS } from '@ppo/domain';
import type { CommandFormDefinition } from '../command-form/command-form';
import { openInterventions } from '../command-form/offender-record';
import { CompleteInterventionCommand, CompleteInterventionDto } from '@ppo/offenders';
import { dateField } from './common-fields';

/** Record how an intervention ended, picked from the offender's open ones. */
export const completeInterventionForm: CommandFormDefinition = {
  slug: 'complete-intervention',
  title: 'Record the end of an intervention',
  permission: 'offender.command',
  command: CompleteInterventionCommand,
  dto: CompleteInterventionDto,
  outsideDto: ['interventionId'],
  fields: [
    {
      kind: 'radios',
      name: 'interventionId',
      label: 'Intervention',
      noun: 'the intervention',
      required: true,
      options: ({ record }) => (record ? openInterventions(record) : []),
      noOptions: 'No intervention is open for this offender.',
    },
    dateField('completedOn', 'Date it ended', 'the date it ended'),
    { kind: 'radios', name: 'result', label: 'Did they complete it?', noun: 'whether they completed it', options: INTERVENTION_RESULTS, labels: { completed: 'Yes, they completed it', 'not-completed': 'No, it ended without being completed' } },
  ],
};
