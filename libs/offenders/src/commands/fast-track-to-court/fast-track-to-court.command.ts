import { OffenderCommandMessage } from '../../shared/command-context';
import type { FastTrackToCourtDto } from './fast-track-to-court.dto';

/** Fast-track the offender back to court: the message the CommandBus routes to FastTrackToCourtHandler. */
export class FastTrackToCourtCommand extends OffenderCommandMessage<FastTrackToCourtDto> {}
