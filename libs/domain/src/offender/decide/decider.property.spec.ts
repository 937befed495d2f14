/**
 * Property: whatever commands arrive, in whatever order and with whatever
 * plausible or implausible values, the decider either refuses with a
 * DomainError and changes nothing, or returns events that fold, whose dates
 * of things that happened are not in the future, and that append to a stream
 * at contiguous versions.
 */
import * as fc from 'fast-check';
import { DOMAIN_ERRORS, DomainError } from '../../errors/domain-error';
import type { OffenderCommand, OffenderCommandType } from '../offender.commands';
import { decide, type DecideContext } from '../offender.decide';
import { OFFENDER_EVENT_TYPES, occurredOn, type OffenderEvent } from '../offender.events';
import { evolve, foldOffender, initialState, offenderStatus, type OffenderState } from '../offender.state';
import { applyCorrections, type IdentifiedEvent } from '../offender.corrections';
import { offenderCommandArbitraries } from '../../testing/offender-command.arbitraries';
import { ADULT, OFFENDER_ID, policy, today } from './fixtures';

const { commandArbitraries, commandSequence } = offenderCommandArbitraries({ today, offenderId: OFFENDER_ID, personal: ADULT });

// ---------------------------------------------------------------- harness

/** An in-memory stream with optimistic concurrency, as the event store port describes. */
class InMemoryStream {
  readonly stored: { version: number; event: OffenderEvent }[] = [];
  get version(): number {
    return this.stored.length;
  }
  append(events: OffenderEvent[], expectedVersion: number): number {
    if (expectedVersion !== this.version) throw new Error(`Expected version ${expectedVersion}, stream at ${this.version}`);
    events.forEach((event, i) => this.stored.push({ version: expectedVersion + i + 1, event }));
    return this.version;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Invariants every folded state keeps, whatever was accepted. */
function expectConsistent(state: OffenderState): void {
  const { active, current } = state.strands;
  expect(new Set(active).size).toBe(active.length);
  if (state.onScheme) {
    expect(current).toBeDefined();
    expect(active).toContain(current);
    expect(state.contactsPerWeek).toBeGreaterThanOrEqual(policy.minimumContactsPerWeek);
    expect(state.registered).toBe(true);
  } else {
    expect(active).toEqual([]);
  }
  if (offenderStatus(state) === 'deselected') expect(state.contactsPerWeek).toBe(0);
}

const context: DecideContext = deepFreeze({ today, policy: structuredClone(policy) });
const accepted = new Map<OffenderCommandType, number>();

/** A correction generated with a random event id is pointed at an event of the stream, so some are accepted. */
function withExistingEventId(command: OffenderCommand, history: readonly IdentifiedEvent[]): OffenderCommand {
  if ((command.type !== 'RetractEvent' && command.type !== 'RectifyEvent') || history.length === 0) return command;
  const index = parseInt(command.data.eventId.slice(0, 8), 16) % history.length;
  return { ...command, data: { ...command.data, eventId: history[index].eventId } } as OffenderCommand;
}

function runSequence(commands: OffenderCommand[]): void {
  const stream = new InMemoryStream();
  let state = deepFreeze(initialState);
  let appended = 0;

  const history: IdentifiedEvent[] = [];
  for (const generated of deepFreeze(commands)) {
    const before = structuredClone(state);
    const command = withExistingEventId(generated, history);
    let events: OffenderEvent[] | undefined;
    try {
      events = decide(command, state, { ...context, history });
    } catch (error) {
      // Refused: only ever a DomainError with a published code; nothing is appended and the state is as it was.
      expect(error).toBeInstanceOf(DomainError);
      expect(Object.keys(DOMAIN_ERRORS)).toContain((error as DomainError).code);
      expect(events).toBeUndefined();
      expect(state).toEqual(before);
      continue;
    }

    accepted.set(command.type, (accepted.get(command.type) ?? 0) + 1);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(OFFENDER_EVENT_TYPES).toContain(event.type);
      expect(occurredOn(event) <= today).toBe(true);
    }
    events.reduce(evolve, state);
    expect(state).toEqual(before);

    const version = stream.append(events, stream.version);
    events.forEach((event, i) => history.push({ eventId: `event-${version - events.length + i + 1}`, event }));
    appended += events.length;
    expect(version).toBe(appended);
    // Corrections act on the history, so the state is always the fold of the corrected history.
    state = deepFreeze(foldOffender(applyCorrections(history).map((r) => r.event)));
    expect(foldOffender(applyCorrections(stream.stored.map((s, i) => ({ eventId: `event-${i + 1}`, event: s.event }))).map((r) => r.event))).toEqual(state);
    expectConsistent(state);
  }

  expect(stream.stored.map((s) => s.version)).toEqual(Array.from({ length: appended }, (_, i) => i + 1));
}

describe('the offender decider, under any sequence of commands', () => {
  it('refuses only with domain errors that change nothing, and otherwise appends events that fold at contiguous versions', () => {
    fc.assert(fc.property(commandSequence, runSequence), { numRuns: 300 });
    // Guards against a generator that only ever produces refusals: every command type was accepted at least once.
    expect([...accepted.keys()].sort()).toEqual(Object.keys(commandArbitraries).sort());
  });
});
