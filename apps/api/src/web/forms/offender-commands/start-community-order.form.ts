import type { CommandFormDefinition } from '../command-form/command-form';
import { StartCommunityOrderCommand, StartCommunityOrderDto } from '@ppo/offenders';
import { dateField, DATE_HINT, notesField } from './common-fields';

/** Record a community order the offender is serving, with its end date and requirements. */
export const startCommunityOrderForm: CommandFormDefinition = {
  slug: 'start-community-order',
  title: 'Record a community order',
  permission: 'offender.command',
  command: StartCommunityOrderCommand,
  dto: StartCommunityOrderDto,
  fields: [
    dateField('startedOn', 'Start date', 'the start date'),
    dateField('endsOn', 'End date', 'the end date', { hint: `It will usually be in the future. ${DATE_HINT}` }),
    notesField('requirements', 'Requirements', 'the requirements', 'For example, unpaid work and a drug rehabilitation requirement'),
  ],
};
