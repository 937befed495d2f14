import { OffenderCommandMessage } from '../../shared/command-context';
import type { IncreaseContactFrequencyDto } from './increase-contact-frequency.dto';

/** Increase required contact: the message the CommandBus routes to IncreaseContactFrequencyHandler. */
export class IncreaseContactFrequencyCommand extends OffenderCommandMessage<IncreaseContactFrequencyDto> {}
