import { OffenderCommandMessage } from '../../shared/command-context';
import type { RestrictProcessingDto } from './restrict-processing.dto';

/** Restrict processing of the record: the message the CommandBus routes to RestrictProcessingHandler. */
export class RestrictProcessingCommand extends OffenderCommandMessage<RestrictProcessingDto> {}
