import type { CommandFormDefinition } from '../command-form/command-form';
import { AssignSupervisionTeamCommand, AssignSupervisionTeamDto } from '@ppo/offenders';
import { dateField } from './common-fields';

/** Assign the probation and police officers who supervise the offender together. */
export const assignSupervisionTeamForm: CommandFormDefinition = {
  slug: 'assign-supervision-team',
  title: 'Assign a supervision team',
  permission: 'offender.command',
  command: AssignSupervisionTeamCommand,
  dto: AssignSupervisionTeamDto,
  intro: ({ record }) => {
    const team = record?.state.team;
    return team ? `The team now is ${team.probationOfficer} (probation) and ${team.policeOfficer} (police).` : 'No team is assigned yet.';
  },
  fields: [
    { kind: 'text', name: 'probationOfficer', label: 'Probation officer', noun: 'the probation officer’s name', autocomplete: 'off' },
    { kind: 'text', name: 'policeOfficer', label: 'Police officer', noun: 'the police officer’s name', autocomplete: 'off' },
    dateField('assignedOn', 'Date the team took the case', 'the date the team took the case'),
  ],
};
