import { OffenderCommandMessage } from '../../shared/command-context';
import type { EndCommunityOrderDto } from './end-community-order.dto';

/** Record the end of a community order: the message the CommandBus routes to EndCommunityOrderHandler. */
export class EndCommunityOrderCommand extends OffenderCommandMessage<EndCommunityOrderDto & { orderId: string }> {}
