import { OffenderCommandMessage } from '../../shared/command-context';
import type { ReduceContactFrequencyDto } from './reduce-contact-frequency.dto';

/** Reduce required contact after a stable period: the message the CommandBus routes to ReduceContactFrequencyHandler. */
export class ReduceContactFrequencyCommand extends OffenderCommandMessage<ReduceContactFrequencyDto> {}
