import { OffenderCommandMessage } from '../../shared/command-context';
import type { IdentifyNeedDto } from './identify-need.dto';

/** Record a criminogenic need (OASys section): the message the CommandBus routes to IdentifyNeedHandler. */
export class IdentifyNeedCommand extends OffenderCommandMessage<IdentifyNeedDto> {}
