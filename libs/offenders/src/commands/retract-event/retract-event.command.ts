import { OffenderCommandMessage } from '../../shared/command-context';
import type { RetractEventDto } from './retract-event.dto';

/** Retract an event recorded in error: the message the CommandBus routes to RetractEventHandler. */
export class RetractEventCommand extends OffenderCommandMessage<RetractEventDto & { eventId: string }> {}
