import { OFFENDER_EVENT_SCHEMA_VERSIONS, addDays, occurredOn, type OffenderEvent } from '@ppo/domain';
import { SqliteEventStore, type NewEvent } from '@ppo/event-store';
import { v7 as uuidv7 } from 'uuid';

/** A small deterministic PRNG (mulberry32), so the same seed gives the same log. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One offender's journey as events, in order: registration, convictions,
 * adoption at four contacts a week, a team, then mostly contacts, with lapses,
 * reductions and the occasional fast-track, as the seeds describe.
 */
function* journey(offenderId: string, rnd: () => number, length: number): Generator<OffenderEvent> {
  const start = addDays('2023-01-02', Math.floor(rnd() * 700));
  yield { type: 'OffenderRegistered', data: { offenderId, area: rnd() < 0.5 ? 'northumbria' : 'cumbria', registeredOn: start, personal: { crn: `X${offenderId.slice(-6)}`, givenName: 'Sam', familyName: `Example${offenderId.slice(-4)}`, dateOfBirth: '1990-04-12' } } };
  let day = start;
  for (let i = 0; i < 6; i++) {
    day = addDays(day, 10 + Math.floor(rnd() * 30));
    yield { type: 'ConvictionRecorded', data: { offence: rnd() < 0.2 ? 'burglary' : 'theft-from-shops', offenceDate: addDays(day, -5), convictionDate: day, court: 'Newcastle Magistrates' } };
  }
  yield { type: 'OffenderAdopted', data: { strand: 'rehabilitate-and-resettle', adoptedOn: day, criteriaMet: true, nextReviewDue: addDays(day, 182) } };
  yield { type: 'ContactFrequencySet', data: { contactsPerWeek: 4, reason: 'Set on adoption', effectiveOn: day } };
  yield { type: 'SupervisionTeamAssigned', data: { probationOfficer: `PO ${Math.floor(rnd() * 40)}`, policeOfficer: `PC ${Math.floor(rnd() * 40)}`, assignedOn: day } };
  let perWeek = 4;
  for (let n = 10; n < length; n++) {
    day = addDays(day, 1 + Math.floor(rnd() * 3));
    const r = rnd();
    if (r < 0.03) yield { type: 'LapseOccurred', data: { lapseId: uuidv7(), occurredOn: day, kind: 'drug-use', severity: 'minor' } };
    else if (r < 0.04 && perWeek > 1) {
      yield { type: 'ContactFrequencyReduced', data: { contactsPerWeek: perWeek - 1, previousContactsPerWeek: perWeek, reason: 'Stable', effectiveOn: day } };
      perWeek--;
    } else if (r < 0.045) yield { type: 'FastTrackedToCourt', data: { fastTrackId: uuidv7(), fastTrackedOn: day, reason: 'Lapse', court: 'Newcastle', hearingOn: addDays(day, 14) } };
    else if (r < 0.05) yield { type: 'CourtOutcomeRecorded', data: { outcome: 'order-continued', decidedOn: day, court: 'Newcastle' } };
    else yield { type: 'ContactRecorded', data: { contactOn: day, kind: rnd() < 0.5 ? 'home-visit' : 'office', outcome: rnd() < 0.85 ? 'attended' : 'unacceptable-absence' } };
  }
}

function toNew(event: OffenderEvent): NewEvent {
  const id = uuidv7();
  return {
    eventId: id,
    type: event.type,
    schemaVersion: OFFENDER_EVENT_SCHEMA_VERSIONS[event.type],
    data: event.data,
    metadata: { occurredAt: occurredOn(event), actor: { userId: 'seed', role: 'caseworker' }, correlationId: id, causationId: id, commandId: id, commandType: 'Seed' },
  };
}

/**
 * Writes `total` events for `offenders` offenders, interleaved as case workers
 * would (a few events of one offender, then another's), through the real adapter.
 */
export async function writeSyntheticLog(store: SqliteEventStore, total: number, offenders: number, seed: number, onProgress?: (n: number) => void): Promise<void> {
  const rnd = random(seed);
  const perOffender = Math.ceil(total / offenders);
  const journeys = Array.from({ length: offenders }, (_, i) => ({
    stream: `offender-${String(i).padStart(8, '0')}-0000-4000-8000-${String(seed).padStart(12, '0')}`,
    events: journey(`${String(i).padStart(8, '0')}-0000-4000-8000-${String(seed).padStart(12, '0')}`, rnd, perOffender),
    version: 0,
  }));
  let written = 0;
  // Appends to one stream may share a group commit: the store applies queued appends in order.
  while (written < total && journeys.length > 0) {
    const appends: Promise<unknown>[] = [];
    for (let k = 0; k < 256 && written < total && journeys.length > 0; k++) {
      const index = Math.floor(rnd() * journeys.length);
      const j = journeys[index];
      const chunk: NewEvent[] = [];
      for (let c = 0; c < 1 + Math.floor(rnd() * 4); c++) {
        const next = j.events.next();
        if (next.done) {
          journeys.splice(index, 1);
          break;
        }
        chunk.push(toNew(next.value));
      }
      if (chunk.length === 0) continue;
      const expectedVersion = j.version;
      j.version += chunk.length;
      written += chunk.length;
      appends.push(store.append(j.stream, chunk, { expectedVersion }));
      if (appends.length > 0 && k % 64 === 63) {
        await Promise.all(appends.splice(0));
      }
    }
    await Promise.all(appends);
    onProgress?.(written);
  }
}
