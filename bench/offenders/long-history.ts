import {
  addDays,
  CONTACT_KINDS,
  DomainError,
  decide,
  foldOffender,
  HARM_INDICATORS,
  initialState,
  LAPSE_KINDS,
  NEEDS,
  OFFENCES,
  OFFENDER_EVENT_SCHEMA_VERSIONS,
  occurredOn,
  offenderStreamId,
  policyForArea,
  type IdentifiedEvent,
  type IsoDate,
  type OffenderCommand,
  type OffenderState,
  type SchemePolicies,
} from '@ppo/domain';
import type { EventStore, NewEvent } from '@ppo/event-store';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { Random } from '../../apps/cli/src/commands/seed/random';

const ACTOR = { userId: 'bench', username: 'bench', role: 'supervisor' as const, roles: ['supervisor'], area: 'northumbria' };

/** The next command of a long supervision: mostly contacts, with the convictions, lapses, reviews and corrections that come with years of it. */
function nextCommand(on: IsoDate, state: OffenderState, history: readonly IdentifiedEvent[], random: Random): OffenderCommand {
  const pick = <T>(items: readonly T[]) => items[random.int(0, items.length - 1)];
  const roll = random.next() * 100;
  if (roll < 78) {
    return { type: 'RecordContact', data: { contactOn: on, kind: pick(CONTACT_KINDS), outcome: random.next() < 0.8 ? 'attended' : 'unacceptable-absence', notes: 'Seen as arranged.' } };
  }
  if (roll < 81) return { type: 'RecordConviction', data: { offence: pick(OFFENCES), offenceDate: addDays(on, -14), convictionDate: on, court: 'Newcastle Magistrates\' Court' } };
  if (roll < 84) return { type: 'RecordArrest', data: { arrestedOn: on, offence: pick(OFFENCES) } };
  if (roll < 87) return { type: 'RecordLapse', data: { lapseId: randomUUID(), occurredOn: on, kind: pick(LAPSE_KINDS), severity: pick(['minor', 'moderate', 'serious'] as const) } };
  if (roll < 89) return { type: 'IdentifyNeed', data: { need: pick(NEEDS), identifiedOn: on } };
  if (roll < 90.5) return { type: 'RecordHarmIndicator', data: { indicator: pick(HARM_INDICATORS), recordedOn: on } };
  if (roll < 92) return { type: 'StartIntervention', data: { interventionId: randomUUID(), need: pick(NEEDS), name: 'Thinking Skills Programme', startedOn: on } };
  if (roll < 93.5) {
    const open = Object.entries(state.interventions).find(([, i]) => !i.completedOn);
    if (open) return { type: 'CompleteIntervention', data: { interventionId: open[0], completedOn: on, result: 'completed' } };
  }
  if (roll < 95) return { type: 'ReduceContactFrequency', data: { contactsPerWeek: Math.max(0.5, state.contactsPerWeek - 1), reason: 'Stable', effectiveOn: on } };
  if (roll < 96.5) return { type: 'IncreaseContactFrequency', data: { contactsPerWeek: Math.min(5, state.contactsPerWeek + 1), reason: 'Lapse', effectiveOn: on } };
  if (roll < 97.5) return { type: 'CompleteReview', data: { reviewedOn: on, decision: 'continue' } };
  if (roll < 98.5) return { type: 'AssignSupervisionTeam', data: { probationOfficer: pick(['po-ann', 'po-bob', 'po-cat']), policeOfficer: pick(['pc-dan', 'pc-eve']), assignedOn: on } };
  const contact = history.findLast((h) => h.event.type === 'ContactRecorded');
  if (contact) return { type: 'RetractEvent', data: { eventId: contact.eventId, reason: 'Entered against the wrong offender', retractedOn: on } };
  return { type: 'IdentifyNeed', data: { need: pick(NEEDS), identifiedOn: on } };
}

/**
 * Appends one offender's history of about `events` events to `store`, every
 * one decided by the domain's decider from the state so far (a command it
 * refuses is skipped), dated over the `years` before `today`, in appends of
 * `batch` events. Returns the offender's id and the number of events written.
 */
export async function writeLongHistory(
  store: EventStore,
  options: { events: number; years: number; today: IsoDate; policies: SchemePolicies; seed: number; batch?: number },
): Promise<{ offenderId: string; events: number; from: IsoDate }> {
  const random = new Random(options.seed);
  const offenderId = randomUUID();
  const streamId = offenderStreamId(offenderId);
  const policy = policyForArea(options.policies, 'northumbria');
  const from = addDays(options.today, -Math.round(options.years * 365));
  const span = Math.round(options.years * 365) - 1;
  let state = initialState;
  const history: IdentifiedEvent[] = [];
  let pending: NewEvent[] = [];
  let version = 0;

  const run = async (command: OffenderCommand, on: IsoDate): Promise<void> => {
    let decided;
    try {
      decided = decide(command, state, { today: options.today, policy, history });
    } catch (error) {
      if (error instanceof DomainError) return;
      throw error;
    }
    state = foldOffender(decided, state);
    for (const event of decided) {
      const eventId = uuidv7();
      history.push({ eventId, event });
      const commandId = randomUUID();
      pending.push({
        eventId,
        type: event.type,
        schemaVersion: OFFENDER_EVENT_SCHEMA_VERSIONS[event.type],
        data: event.data,
        metadata: { occurredAt: occurredOn(event) ?? on, actor: ACTOR, correlationId: commandId, causationId: commandId, commandId, commandType: command.type },
      });
    }
    if (pending.length >= (options.batch ?? 500)) await flush();
  };
  const flush = async () => {
    if (pending.length === 0) return;
    version = (await store.append(streamId, pending, { expectedVersion: version })).nextVersion;
    pending = [];
  };

  await run(
    { type: 'RegisterOffender', data: { offenderId, area: 'northumbria', registeredOn: from, personal: { crn: 'L000001', givenName: 'Lee', familyName: 'Long', dateOfBirth: addDays(from, -25 * 365), pncId: '2001/0000001L' } } },
    from,
  );
  for (let k = 0; k < 4; k++) await run({ type: 'RecordConviction', data: { offence: 'burglary', offenceDate: addDays(from, k), convictionDate: addDays(from, k + 1), court: 'Newcastle Crown Court' } }, from);
  await run({ type: 'AdoptOffender', data: { adoptedOn: addDays(from, 7) } }, from);
  while (history.length < options.events) {
    const on = addDays(from, 8 + Math.floor((history.length / options.events) * (span - 8)));
    await run(nextCommand(on, state, history, random), on);
  }
  await flush();
  return { offenderId, events: history.length, from };
}
