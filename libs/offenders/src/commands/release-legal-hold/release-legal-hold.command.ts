import { OffenderCommandMessage } from '../../shared/command-context';
import type { ReleaseLegalHoldDto } from './release-legal-hold.dto';

/** Release the legal hold: the message the CommandBus routes to ReleaseLegalHoldHandler. */
export class ReleaseLegalHoldCommand extends OffenderCommandMessage<ReleaseLegalHoldDto> {}
