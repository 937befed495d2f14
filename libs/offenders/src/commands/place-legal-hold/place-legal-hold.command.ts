import { OffenderCommandMessage } from '../../shared/command-context';
import type { PlaceLegalHoldDto } from './place-legal-hold.dto';

/** Place a legal hold: the message the CommandBus routes to PlaceLegalHoldHandler. */
export class PlaceLegalHoldCommand extends OffenderCommandMessage<PlaceLegalHoldDto> {}
