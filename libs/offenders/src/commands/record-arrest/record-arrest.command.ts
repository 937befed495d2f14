import { OffenderCommandMessage } from '../../shared/command-context';
import type { RecordArrestDto } from './record-arrest.dto';

/** Record an arrest: the message the CommandBus routes to RecordArrestHandler. */
export class RecordArrestCommand extends OffenderCommandMessage<RecordArrestDto> {}
