import { OffenderCommandMessage } from '../../shared/command-context';
import type { StartCommunityOrderDto } from './start-community-order.dto';

/** Record a community order: the message the CommandBus routes to StartCommunityOrderHandler. */
export class StartCommunityOrderCommand extends OffenderCommandMessage<StartCommunityOrderDto> {}
