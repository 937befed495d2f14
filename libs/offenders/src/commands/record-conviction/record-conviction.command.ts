import { OffenderCommandMessage } from '../../shared/command-context';
import type { RecordConvictionDto } from './record-conviction.dto';

/** Record a conviction: the message the CommandBus routes to RecordConvictionHandler. */
export class RecordConvictionCommand extends OffenderCommandMessage<RecordConvictionDto> {}
