import { DESELECTION_REASONS } from '@ppo/domain';
import type { CommandFormDefinition } from '../command-form/command-form';
import { DeselectOffenderCommand, DeselectOffenderDto } from '@ppo/offenders';
import { defaultBody } from '../command-form/read-posted-form';
import { dateField } from './common-fields';

/** Deselect the offender from the scheme (supervisors only), with the exit plan agreed by the agencies and the voluntary support arranged. */
export const deselectOffenderForm: CommandFormDefinition = {
  slug: 'deselect-offender',
  title: 'Deselect from the scheme',
  permission: 'offender.supervise',
  command: DeselectOffenderCommand,
  dto: DeselectOffenderDto,
  fields: [
    dateField('deselectedOn', 'Date of deselection', 'the date of deselection'),
    {
      kind: 'radios',
      name: 'reason',
      label: 'Why are they leaving the scheme?',
      noun: 'why they are leaving the scheme',
      options: DESELECTION_REASONS,
      labels: {
        'stable-and-order-complete': 'They are stable and their order is complete',
        'custody-two-years-or-more': 'A custodial sentence of two years or more',
        'moved-area': 'They moved out of the area',
        deceased: 'They died',
        other: 'Another reason',
      },
    },
    { kind: 'textarea', name: 'exitPlanSummary', bodyPath: 'exitPlan.summary', label: 'Exit plan', hint: 'As agreed by the agencies. Not needed if they died.', noun: 'the exit plan' },
    {
      kind: 'lines',
      name: 'voluntarySupport',
      bodyPath: 'exitPlan.voluntarySupport',
      label: 'Voluntary support',
      hint: 'Local services they will use voluntarily, one on each line. For example, housing support.',
      noun: 'the voluntary support',
    },
  ],
  toBody: ({ exitPlanSummary, voluntarySupport, ...rest }) =>
    defaultBody({ ...rest, exitPlan: exitPlanSummary === undefined && voluntarySupport === undefined ? undefined : { summary: exitPlanSummary, voluntarySupport: voluntarySupport ?? [] } }),
};
