import { OffenderCommandMessage } from '../../shared/command-context';
import type { AssignSupervisionTeamDto } from './assign-supervision-team.dto';

/** Assign the probation and police officers who supervise the offender: the message the CommandBus routes to AssignSupervisionTeamHandler. */
export class AssignSupervisionTeamCommand extends OffenderCommandMessage<AssignSupervisionTeamDto> {}
