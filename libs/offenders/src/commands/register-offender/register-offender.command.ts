import { OffenderCommandMessage } from '../../shared/command-context';
import type { RegisterOffenderDto } from './register-offender.dto';

/** Register an offender: the message the CommandBus routes to RegisterOffenderHandler. */
export class RegisterOffenderCommand extends OffenderCommandMessage<RegisterOffenderDto> {}
