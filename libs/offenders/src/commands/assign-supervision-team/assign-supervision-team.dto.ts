import { type IsoDate } from '@ppo/domain';
import { DateField, TextField } from '../../shared/http/request-fields';

/** Request body: assign the probation and police officers who supervise the offender. */
export class AssignSupervisionTeamDto {
  @TextField('The supervising probation officer', { maxLength: 200 })
  probationOfficer!: string;

  @TextField('The police officer on the team', { maxLength: 200 })
  policeOfficer!: string;

  @DateField('When the team took the case')
  assignedOn!: IsoDate;
}
