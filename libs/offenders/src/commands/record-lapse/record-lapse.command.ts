import { OffenderCommandMessage } from '../../shared/command-context';
import type { RecordLapseDto } from './record-lapse.dto';

/** Record a lapse (drug use, reoffending, missed contacts): the message the CommandBus routes to RecordLapseHandler. */
export class RecordLapseCommand extends OffenderCommandMessage<RecordLapseDto> {}
