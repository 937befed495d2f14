import { OffenderCommandMessage } from '../../shared/command-context';
import type { DeselectOffenderDto } from './deselect-offender.dto';

/** Deselect the offender: the message the CommandBus routes to DeselectOffenderHandler. */
export class DeselectOffenderCommand extends OffenderCommandMessage<DeselectOffenderDto> {}
