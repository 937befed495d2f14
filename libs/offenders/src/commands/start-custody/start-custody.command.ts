import { OffenderCommandMessage } from '../../shared/command-context';
import type { StartCustodyDto } from './start-custody.dto';

/** Record that the offender went into custody: the message the CommandBus routes to StartCustodyHandler. */
export class StartCustodyCommand extends OffenderCommandMessage<StartCustodyDto> {}
