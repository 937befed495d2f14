import * as fc from 'fast-check';
import { DomainError } from '../errors/domain-error';
import { offenderCommandArbitraries } from '../testing/offender-command.arbitraries';
import type { OffenderCommand } from './offender.commands';
import { decide } from './offender.decide';
import type { ContactRecorded, OffenderEvent } from './offender.events';
import { evolve, foldingEvolve, foldOffender, initialState, type OffenderState } from './offender.state';
import { ADULT, OFFENDER_ID, conviction, onScheme, policy, today } from './decide/fixtures';

const contact = (contactOn: string): ContactRecorded => ({ type: 'ContactRecorded', data: { contactOn, kind: 'office', outcome: 'attended' } });

const { commandSequence } = offenderCommandArbitraries({ today, offenderId: OFFENDER_ID, personal: ADULT });

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The events the decider accepts from a sequence of commands, each decided on the state so far (corrections left out). */
function eventsOf(commands: readonly OffenderCommand[]): OffenderEvent[] {
  const events: OffenderEvent[] = [];
  let state = initialState;
  for (const command of commands) {
    if (command.type === 'RetractEvent' || command.type === 'RectifyEvent') continue;
    try {
      const decided = decide(command, state, { today, policy });
      state = decided.reduce(evolve, state);
      events.push(...decided);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return events;
}

/** The fold as evolve alone defines it: every step copy-on-write. */
const referenceFold = (events: readonly OffenderEvent[], from: OffenderState = initialState) => events.reduce(evolve, from);

describe("folding an offender's history", () => {
  it('gives the same state as applying evolve to each event in turn, whatever the history', () => {
    fc.assert(
      fc.property(commandSequence, (commands) => {
        const events = eventsOf(commands);
        expect(foldOffender(events)).toEqual(referenceFold(events));
      }),
      { numRuns: 200 },
    );
  });

  it('continues from an earlier state without changing it, so a state folded once can be folded on from later', () => {
    fc.assert(
      fc.property(commandSequence, fc.nat(), (commands, cut) => {
        const events = eventsOf(commands);
        const split = events.length === 0 ? 0 : cut % events.length;
        const earlier = deepFreeze(foldOffender(events.slice(0, split)));
        const copy = structuredClone(earlier);
        expect(foldOffender(events.slice(split), earlier)).toEqual(referenceFold(events));
        expect(earlier).toEqual(copy);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves the state evolve is given as it was, and returns new lists for what an event adds', () => {
    const before = deepFreeze(foldOffender([...onScheme(), contact('2026-05-01')]));
    const after = evolve(before, contact('2026-05-08'));
    expect(before.contacts).toHaveLength(1);
    expect(after.contacts).toHaveLength(2);
    expect(after.contacts).not.toBe(before.contacts);
  });

  it('lets two folds from the same starting state go their own ways', () => {
    const start = foldOffender(onScheme());
    const withContact = foldOffender([contact('2026-05-01')], start);
    const withConviction = foldOffender([conviction('2026-05-02')], start);
    expect(withContact.contacts).toHaveLength(1);
    expect(withConviction.contacts).toHaveLength(0);
    expect(start.contacts).toHaveLength(0);
  });

  it('appends in place only to lists the same fold created: a second folding evolve copies them first', () => {
    const first = foldingEvolve();
    const state = first(first(foldOffender(onScheme()), contact('2026-05-01')), contact('2026-05-02'));
    const kept = [...state.contacts];
    const second = foldingEvolve();
    second(state, contact('2026-05-03'));
    expect(state.contacts).toEqual(kept);
  });
});
