import { OffenderCommandMessage } from '../../shared/command-context';
import type { RecordHarmIndicatorDto } from './record-harm-indicator.dto';

/** Record harm other than offending (gang leadership, anti-social behaviour): the message the CommandBus routes to RecordHarmIndicatorHandler. */
export class RecordHarmIndicatorCommand extends OffenderCommandMessage<RecordHarmIndicatorDto> {}
