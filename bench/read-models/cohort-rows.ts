import { decide, foldOffender, initialState, occurredOn, offenderStreamId, policyForArea, type IdentifiedEvent, type IsoDate, type OffenderState, type SchemePolicies } from '@ppo/domain';
import { eligibilityProjection, offenderJourneyProjection, schemeTimelineProjection, type ProjectedEvent, type Projection, type Row } from '@ppo/read-models';
import { v5 as uuidv5 } from 'uuid';
import { planCohort } from '../../apps/cli/src/commands/seed/plan-cohort';
import { FAMILY_NAMES, GIVEN_NAMES } from '../../apps/cli/src/commands/seed/synthetic-people';

/** The read models the offender list, eligibility, contacts due, caseloads and the dashboard read. */
export const QUERIED_PROJECTIONS: Projection[] = [offenderJourneyProjection as Projection, eligibilityProjection as Projection, schemeTimelineProjection as Projection];

const CLONE_NAMESPACE = '2d6b0f4e-8a51-4b8e-9a0c-4f1f3c0b7d21';

/**
 * Each planned offender's final row in each queried projection: the seed's
 * planner draws a realistic cohort (registrations, adoptions, contacts,
 * lapses, custody, deselections up to `today`), every command is decided again
 * by the domain's decider, and the events are applied with each projection's
 * own evolve, as the projection runner would apply them.
 */
export function templateRows(options: { seed: number; offenders: number; today: IsoDate; policies: SchemePolicies; years?: number }): Map<string, Row[]> {
  const plan = planCohort(options);
  const rows = new Map<string, Row[]>(QUERIED_PROJECTIONS.map((p) => [p.name, []]));
  let position = 0;
  for (const offender of plan.offenders) {
    const policy = policyForArea(options.policies, offender.area);
    const streamId = offenderStreamId(offender.offenderId);
    let state = initialState;
    const history: IdentifiedEvent[] = [];
    const current = new Map<string, Row | undefined>();
    for (const { on, command } of offender.steps) {
      const events = decide(command, state, { today: options.today, policy, history });
      state = foldOffender(events, state);
      for (const event of events) {
        const eventId = `${offender.offenderId.slice(0, 24)}${String(history.length).padStart(12, '0')}`;
        history.push({ eventId, event });
        const projected: ProjectedEvent = {
          event,
          eventId,
          offenderId: offender.offenderId,
          streamId,
          version: history.length,
          globalPosition: ++position,
          recordedAt: `${on}T12:00:00.000Z`,
          metadata: { occurredAt: occurredOn(event) ?? on, actor: { userId: 'seed', role: 'system' }, correlationId: eventId, causationId: eventId, commandId: eventId, commandType: command.type },
        };
        for (const projection of QUERIED_PROJECTIONS) {
          if (projection.keyOf(projected) === undefined) continue;
          current.set(projection.name, projection.evolve(current.get(projection.name), projected));
        }
      }
    }
    for (const [name, row] of current) if (row) rows.get(name)!.push(row);
  }
  return rows;
}

/**
 * The `clone`-th copy of a template row: another offender (id, CRN, name)
 * with the same history, supervised by the `clone`-th team of its area's
 * officers, so a large cohort keeps the seed's proportions and officers keep
 * caseloads of a realistic size.
 */
export function cloneRow(row: Row, clone: number): Row {
  const template = row.offender_id as string;
  const offenderId = uuidv5(`${template}/${clone}`, CLONE_NAMESPACE);
  const copy: Row = { ...row, offender_id: offenderId };
  if ('crn' in row) {
    const n = Number.parseInt(offenderId.slice(0, 8), 16);
    copy.crn = `${String.fromCharCode(65 + (n % 26))}${String(n % 1_000_000).padStart(6, '0')}`;
    copy.given_name = GIVEN_NAMES[n % GIVEN_NAMES.length];
    copy.family_name = FAMILY_NAMES[Math.floor(n / GIVEN_NAMES.length) % FAMILY_NAMES.length];
  }
  const team = (officer: unknown) => (typeof officer === 'string' ? `${officer} (team ${clone + 1})` : officer);
  if ('probation_officer' in row) {
    copy.probation_officer = team(row.probation_officer);
    copy.police_officer = team(row.police_officer);
  }
  const state = row.state as OffenderState | undefined;
  if (state?.personal) {
    copy.state = {
      ...state,
      offenderId,
      personal: { ...state.personal, crn: (copy.crn as string) ?? state.personal.crn, givenName: (copy.given_name as string) ?? state.personal.givenName, familyName: (copy.family_name as string) ?? state.personal.familyName },
      team: state.team && { ...state.team, probationOfficer: team(state.team.probationOfficer) as string, policeOfficer: team(state.team.policeOfficer) as string },
    };
  }
  return copy;
}
