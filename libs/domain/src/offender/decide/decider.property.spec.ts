/**
 * Property: whatever commands arrive, in whatever order and with whatever
 * plausible or implausible values, the decider either refuses with a
 * DomainError and changes nothing, or returns events that fold, whose dates
 * of things that happened are not in the future, and that append to a stream
 * at contiguous versions.
 */
import * as fc from 'fast-check';
import { DOMAIN_ERRORS, DomainError } from '../../errors/domain-error';
import { addDays } from '../../shared/dates';
import {
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  COMMUNITY_ORDER_END_REASONS,
  COURT_OUTCOMES,
  DESELECTION_REASONS,
  HARM_INDICATORS,
  INTERVENTION_RESULTS,
  LAPSE_KINDS,
  NEEDS,
  OFFENCES,
  REVIEW_DECISIONS,
  SEVERITIES,
  STRAND_CHANGES,
  STRANDS,
} from '../../shared/vocabulary';
import type { OffenderCommand, OffenderCommandType } from '../offender.commands';
import { decide, type DecideContext } from '../offender.decide';
import { OFFENDER_EVENT_TYPES, occurredOn, type OffenderEvent } from '../offender.events';
import { evolve, foldOffender, initialState, offenderStatus, type OffenderState } from '../offender.state';
import { ADULT, OFFENDER_ID, policy, today } from './fixtures';

// ---------------------------------------------------------------- arbitraries

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });

/** Mostly within three years before today, sometimes today, sometimes (implausibly) after it. */
const date = fc
  .oneof(
    { weight: 8, arbitrary: fc.integer({ min: -3 * 365, max: -1 }) },
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 90 }) },
  )
  .map((offset) => addDays(today, offset));
/** A scheduled date (hearing, order end, next review): before or well after today. */
const scheduled = fc.integer({ min: -3 * 365, max: 2 * 365 }).map((offset) => addDays(today, offset));
/** Mostly adults, sometimes a young person, rarely (implausibly) someone not yet born. */
const dateOfBirth = fc
  .oneof(
    { weight: 6, arbitrary: fc.integer({ min: -60 * 365, max: -18 * 365 }) },
    { weight: 3, arbitrary: fc.integer({ min: -18 * 365, max: 0 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }) },
  )
  .map((offset) => addDays(today, offset));

const id = (prefix: string) => fc.constantFrom(`${prefix}-1`, `${prefix}-2`, `${prefix}-3`);
const text = fc.constantFrom('', '   ', 'Panel decision', 'Case conference');
const strand = fc.constantFrom(...STRANDS);
/** Contacts a week: usually a plausible change in the intended direction, sometimes anything at all. */
const contactsPerWeek = (plausible: number[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...plausible) },
    { weight: 1, arbitrary: fc.constantFrom(-1, 0, 0.25, 0.5, 1, 2, 3, 4, 5, 7) },
    { weight: 1, arbitrary: fc.double({ min: -2, max: 14, noNaN: true }) },
  );
const months = fc.integer({ min: -1, max: 60 });

const commandArbitraries: { [T in OffenderCommandType]: fc.Arbitrary<Extract<OffenderCommand, { type: T }>> } = {
  RegisterOffender: fc.record({
    type: fc.constant('RegisterOffender'),
    data: fc.record({
      offenderId: fc.constant(OFFENDER_ID),
      area: fc.constantFrom('northumbria', 'cumbria'),
      registeredOn: optional(date),
      personal: dateOfBirth.map((dob) => ({ ...ADULT, dateOfBirth: dob })),
    }),
  }),
  RecordConviction: fc.record({
    type: fc.constant('RecordConviction'),
    data: fc.record({ offence: fc.constantFrom(...OFFENCES), offenceDate: date, convictionDate: date, court: fc.constant('Magistrates') }),
  }),
  RecordArrest: fc.record({ type: fc.constant('RecordArrest'), data: fc.record({ arrestedOn: date, offence: fc.constantFrom(...OFFENCES) }) }),
  RecordHarmIndicator: fc.record({
    type: fc.constant('RecordHarmIndicator'),
    data: fc.record({ indicator: fc.constantFrom(...HARM_INDICATORS), recordedOn: date }),
  }),
  AdoptOffender: fc.record({
    type: fc.constant('AdoptOffender'),
    data: fc.record({ adoptedOn: date, strand: optional(strand), reason: fc.option(text, { nil: undefined }) }),
  }),
  AssignSupervisionTeam: fc.record({
    type: fc.constant('AssignSupervisionTeam'),
    data: fc.record({ probationOfficer: fc.constant('PO Patel'), policeOfficer: fc.constant('PC Moore'), assignedOn: date }),
  }),
  RecordContact: fc.record({
    type: fc.constant('RecordContact'),
    data: fc.record({ contactOn: date, kind: fc.constantFrom(...CONTACT_KINDS), outcome: fc.constantFrom(...CONTACT_OUTCOMES) }),
  }),
  ReduceContactFrequency: fc.record({
    type: fc.constant('ReduceContactFrequency'),
    data: fc.record({ contactsPerWeek: contactsPerWeek([0.5, 1, 2, 3]), reason: text, effectiveOn: date }),
  }),
  IncreaseContactFrequency: fc.record({
    type: fc.constant('IncreaseContactFrequency'),
    data: fc.record({ contactsPerWeek: contactsPerWeek([5, 6, 7]), reason: text, effectiveOn: date }),
  }),
  IdentifyNeed: fc.record({ type: fc.constant('IdentifyNeed'), data: fc.record({ need: fc.constantFrom(...NEEDS), identifiedOn: date }) }),
  StartIntervention: fc.record({
    type: fc.constant('StartIntervention'),
    data: fc.record({ interventionId: id('int'), need: optional(fc.constantFrom(...NEEDS)), name: fc.constant('Course'), startedOn: date }),
  }),
  CompleteIntervention: fc.record({
    type: fc.constant('CompleteIntervention'),
    data: fc.record({ interventionId: id('int'), completedOn: date, result: fc.constantFrom(...INTERVENTION_RESULTS) }),
  }),
  RecordLapse: fc.record({
    type: fc.constant('RecordLapse'),
    data: fc.record({ lapseId: id('lapse'), occurredOn: date, kind: fc.constantFrom(...LAPSE_KINDS), severity: fc.constantFrom(...SEVERITIES) }),
  }),
  FastTrackToCourt: fc.record({
    type: fc.constant('FastTrackToCourt'),
    data: fc.record({
      fastTrackId: id('ft'),
      fastTrackedOn: date,
      reason: text,
      court: fc.constant('Magistrates'),
      hearingOn: scheduled,
      lapseId: fc.option(id('lapse'), { nil: undefined, freq: 2 }),
    }),
  }),
  RecordCourtOutcome: fc.record({
    type: fc.constant('RecordCourtOutcome'),
    data: fc.record({
      outcome: fc.constantFrom(...COURT_OUTCOMES),
      decidedOn: date,
      court: fc.constant('Crown Court'),
      fastTrackId: optional(id('ft')),
      currentStrand: optional(strand),
      custodyMonths: optional(months),
      orderId: optional(id('co')),
      orderEndsOn: optional(scheduled),
    }),
  }),
  StartCustody: fc.record({
    type: fc.constant('StartCustody'),
    data: fc.record({ startedOn: date, sentenceMonths: optional(months), remand: fc.boolean() }),
  }),
  ReleaseFromCustody: fc.record({ type: fc.constant('ReleaseFromCustody'), data: fc.record({ releasedOn: date, currentStrand: optional(strand) }) }),
  StartCommunityOrder: fc.record({
    type: fc.constant('StartCommunityOrder'),
    data: fc.record({ orderId: id('co'), startedOn: date, endsOn: scheduled }),
  }),
  EndCommunityOrder: fc.record({
    type: fc.constant('EndCommunityOrder'),
    data: fc.record({ orderId: id('co'), endedOn: date, reason: fc.constantFrom(...COMMUNITY_ORDER_END_REASONS) }),
  }),
  ChangeStrand: fc.record({
    type: fc.constant('ChangeStrand'),
    data: fc.record({ strand, change: fc.constantFrom(...STRAND_CHANGES), changedOn: date, reason: text }),
  }),
  CompleteReview: fc.record({
    type: fc.constant('CompleteReview'),
    data: fc.record({ reviewedOn: date, decision: fc.constantFrom(...REVIEW_DECISIONS), nextReviewDue: optional(scheduled) }),
  }),
  DeselectOffender: fc.record({
    type: fc.constant('DeselectOffender'),
    data: fc.record({
      deselectedOn: date,
      reason: fc.constantFrom(...DESELECTION_REASONS),
      exitPlan: optional(fc.record({ summary: text, voluntarySupport: fc.constantFrom([], ['Mentor']) })),
    }),
  }),
};

/**
 * Relative frequencies: commands that are rarely accepted (they need the offender on the scheme, out of
 * custody, or something earlier to refer to) come more often; custody, which blocks many, comes less.
 */
const WEIGHTS: Partial<Record<OffenderCommandType, number>> = {
  RegisterOffender: 1,
  StartCustody: 2,
  ReleaseFromCustody: 3,
  ReduceContactFrequency: 4,
  IncreaseContactFrequency: 4,
  FastTrackToCourt: 3,
  CompleteIntervention: 3,
  EndCommunityOrder: 3,
  RecordCourtOutcome: 3,
  ChangeStrand: 3,
};
const anyCommand: fc.Arbitrary<OffenderCommand> = fc.oneof(
  ...(Object.keys(commandArbitraries) as OffenderCommandType[]).map((type) => ({
    weight: WEIGHTS[type] ?? 2,
    arbitrary: commandArbitraries[type] as fc.Arbitrary<OffenderCommand>,
  })),
);
/** An adoption the panel gives a reason for, so that it is refused only for age, date or state. */
const adoptionWithReason = commandArbitraries.AdoptOffender.map((c) => ({ ...c, data: { ...c.data, reason: 'Panel decision' } }));
/** Usually starts with a registration and an adoption, sometimes not; then anything, in any order. */
const commandSequence = fc
  .tuple(
    fc.option(commandArbitraries.RegisterOffender, { nil: undefined, freq: 10 }),
    fc.option(adoptionWithReason, { nil: undefined, freq: 4 }),
    fc.array(anyCommand, { minLength: 10, maxLength: 60, size: 'max' }),
  )
  .map(([register, adoption, rest]) => [register, adoption, ...rest].filter((c): c is OffenderCommand => c !== undefined));

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

function runSequence(commands: OffenderCommand[]): void {
  const stream = new InMemoryStream();
  let state = deepFreeze(initialState);
  let appended = 0;

  for (const command of deepFreeze(commands)) {
    const before = structuredClone(state);
    let events: OffenderEvent[] | undefined;
    try {
      events = decide(command, state, context);
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
    const next = deepFreeze(events.reduce(evolve, state));
    expect(state).toEqual(before);

    const version = stream.append(events, stream.version);
    appended += events.length;
    expect(version).toBe(appended);
    state = next;
    expect(foldOffender(stream.stored.map((s) => s.event))).toEqual(state);
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
