import { OffenderCommandMessage } from '../../shared/command-context';
import type { StartInterventionDto } from './start-intervention.dto';

/** Start an intervention addressing a need: the message the CommandBus routes to StartInterventionHandler. */
export class StartInterventionCommand extends OffenderCommandMessage<StartInterventionDto> {}
