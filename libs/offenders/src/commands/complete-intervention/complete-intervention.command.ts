import { OffenderCommandMessage } from '../../shared/command-context';
import type { CompleteInterventionDto } from './complete-intervention.dto';

/** Record how an intervention ended: the message the CommandBus routes to CompleteInterventionHandler. */
export class CompleteInterventionCommand extends OffenderCommandMessage<CompleteInterventionDto & { interventionId: string }> {}
