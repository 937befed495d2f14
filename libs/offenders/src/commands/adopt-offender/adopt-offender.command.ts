import { OffenderCommandMessage } from '../../shared/command-context';
import type { AdoptOffenderDto } from './adopt-offender.dto';

/** Adopt the offender onto the scheme (4 contacts a week at first): the message the CommandBus routes to AdoptOffenderHandler. */
export class AdoptOffenderCommand extends OffenderCommandMessage<AdoptOffenderDto> {}
