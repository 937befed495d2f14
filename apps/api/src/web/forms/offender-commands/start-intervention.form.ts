import { NEEDS } from '@ppo/domain';
import type { CommandFormDefinition } from '../command-form/command-form';
import { StartInterventionCommand, StartInterventionDto } from '@ppo/offenders';
import { dateField } from './common-fields';
import { NEED_LABELS } from './identify-need.form';

/** Start an intervention (a programme, a treatment, housing support), usually addressing a need. */
export const startInterventionForm: CommandFormDefinition = {
  slug: 'start-intervention',
  title: 'Start an intervention',
  permission: 'offender.command',
  command: StartInterventionCommand,
  dto: StartInterventionDto,
  fields: [
    { kind: 'text', name: 'name', label: 'Intervention', hint: 'For example, drug rehabilitation programme', noun: 'the intervention' },
    { kind: 'select', name: 'need', label: 'Need it addresses (optional)', noun: 'the need', options: NEEDS, labels: NEED_LABELS, emptyOption: 'No particular need' },
    { kind: 'text', name: 'provider', label: 'Provider (optional)', noun: 'the provider' },
    dateField('startedOn', 'Date it started', 'the date it started'),
  ],
};
