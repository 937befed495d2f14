import { OffenderCommandMessage } from '../../shared/command-context';
import type { RecordCourtOutcomeDto } from './record-court-outcome.dto';

/** Record a court outcome: the message the CommandBus routes to RecordCourtOutcomeHandler. */
export class RecordCourtOutcomeCommand extends OffenderCommandMessage<RecordCourtOutcomeDto> {}
