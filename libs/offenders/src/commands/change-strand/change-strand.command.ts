import { OffenderCommandMessage } from '../../shared/command-context';
import type { ChangeStrandDto } from './change-strand.dto';

/** Add, end or make current a strand: the message the CommandBus routes to ChangeStrandHandler. */
export class ChangeStrandCommand extends OffenderCommandMessage<ChangeStrandDto> {}
