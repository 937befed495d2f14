import { OffenderCommandMessage } from '../../shared/command-context';
import type { LiftRestrictionDto } from './lift-restriction.dto';

/** Lift the restriction on the record: the message the CommandBus routes to LiftRestrictionHandler. */
export class LiftRestrictionCommand extends OffenderCommandMessage<LiftRestrictionDto> {}
