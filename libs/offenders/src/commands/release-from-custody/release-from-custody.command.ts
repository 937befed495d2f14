import { OffenderCommandMessage } from '../../shared/command-context';
import type { ReleaseFromCustodyDto } from './release-from-custody.dto';

/** Record release from custody: the message the CommandBus routes to ReleaseFromCustodyHandler. */
export class ReleaseFromCustodyCommand extends OffenderCommandMessage<ReleaseFromCustodyDto> {}
