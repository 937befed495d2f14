import { OffenderCommandMessage } from '../../shared/command-context';
import type { RecordContactDto } from './record-contact.dto';

/** Record a supervision contact and its outcome: the message the CommandBus routes to RecordContactHandler. */
export class RecordContactCommand extends OffenderCommandMessage<RecordContactDto> {}
