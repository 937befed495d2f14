import { COMMUNITY_ORDER_END_REASONS } from '@ppo/domain';
import type { CommandFormDefinition } from '../command-form/command-form';
import { openCommunityOrders } from '../command-form/offender-record';
import { EndCommunityOrderCommand, EndCommunityOrderDto } from '@ppo/offenders';
import { dateField } from './common-fields';

/** Record the end of a community order, picked from the offender's open ones. */
export const endCommunityOrderForm: CommandFormDefinition = {
  slug: 'end-community-order',
  title: 'Record the end of a community order',
  permission: 'offender.command',
  command: EndCommunityOrderCommand,
  dto: EndCommunityOrderDto,
  outsideDto: ['orderId'],
  fields: [
    {
      kind: 'radios',
      name: 'orderId',
      label: 'Community order',
      noun: 'the community order',
      required: true,
      options: ({ record }) => (record ? openCommunityOrders(record) : []),
      noOptions: 'No community order is open for this offender.',
    },
    dateField('endedOn', 'Date it ended', 'the date it ended'),
    { kind: 'radios', name: 'reason', label: 'Why did it end?', noun: 'why it ended', options: COMMUNITY_ORDER_END_REASONS, labels: { completed: 'Completed', revoked: 'Revoked', breached: 'Breached' } },
  ],
};
