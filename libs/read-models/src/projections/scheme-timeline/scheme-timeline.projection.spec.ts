import type { OffenderEvent } from '@ppo/domain';
import type { ProjectedEvent } from '../../projection';
import { schemeTimelineProjection, type SchemeTimelineRow } from './scheme-timeline.projection';

const projected = (event: OffenderEvent, version: number): ProjectedEvent => ({
  event,
  eventId: `event-${version}`,
  offenderId: 'o1',
  streamId: 'offender-o1',
  version,
  globalPosition: version,
  recordedAt: '2026-11-20T10:00:00Z',
  metadata: { occurredAt: '2026-11-20', actor: { userId: 'u', role: 'caseworker' }, correlationId: 'c', causationId: 'c', commandId: 'c' },
});

describe('The scheme timeline behind the dashboard', () => {
  it('counts someone adopted in July as on the scheme from July, though their record was only entered in November', () => {
    const events: OffenderEvent[] = [
      { type: 'OffenderRegistered', data: { offenderId: 'o1', area: 'northumbria', registeredOn: '2026-11-20', personal: { crn: 'X1', givenName: 'A', familyName: 'B', dateOfBirth: '1990-01-01' } } },
      { type: 'OffenderAdopted', data: { strand: 'rehabilitate-and-resettle', adoptedOn: '2026-07-01', criteriaMet: true, nextReviewDue: '2027-01-01' } },
      { type: 'ContactFrequencySet', data: { contactsPerWeek: 4, reason: 'On adoption', effectiveOn: '2026-07-01' } },
    ];
    const row = events.reduce<SchemeTimelineRow | undefined>((r, e, i) => schemeTimelineProjection.evolve(r, projected(e, i + 1)), undefined)!;
    expect(row.standings.map((s) => ({ from: s.from, onScheme: s.onScheme, contactsPerWeek: s.contactsPerWeek }))).toEqual([
      { from: '2026-07-01', onScheme: true, contactsPerWeek: 0 },
      { from: '2026-07-01', onScheme: true, contactsPerWeek: 4 },
    ]);
    expect(row.standings.every((s) => s.onScheme)).toBe(true);
  });
});
