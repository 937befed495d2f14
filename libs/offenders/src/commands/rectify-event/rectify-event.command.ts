import { OffenderCommandMessage } from '../../shared/command-context';
import type { RectifyEventDto } from './rectify-event.dto';

/** Replace an event recorded wrongly by a corrected one: the message the CommandBus routes to RectifyEventHandler. */
export class RectifyEventCommand extends OffenderCommandMessage<RectifyEventDto & { eventId: string }> {}
