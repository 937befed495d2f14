import { COMMUNITY_ORDER_END_REASONS, type CommunityOrderEndReason, type IsoDate } from '@ppo/domain';
import { DateField, EnumField } from '../../shared/http/request-fields';

/** Request body: record the end of a community order. */
export class EndCommunityOrderDto {
  @DateField('When it ended')
  endedOn!: IsoDate;

  @EnumField(COMMUNITY_ORDER_END_REASONS, 'Why it ended')
  reason!: CommunityOrderEndReason;
}
