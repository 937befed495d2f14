/**
 * fast-check arbitraries for offender commands: plausible and implausible
 * values, dates mostly in the three years before `today`, sometimes after it.
 * Shared by the decider's property test and the read models' live-versus-rebuild test.
 */
import * as fc from 'fast-check';
import type { PersonalDetails } from '../offender/offender.events';
import type { OffenderCommand, OffenderCommandType } from '../offender/offender.commands';
import { addDays, type IsoDate } from '../shared/dates';
import {
  ERASURE_GROUNDS,
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
} from '../shared/vocabulary';

/** Builds the arbitraries for one offender, relative to `today`. */
export function offenderCommandArbitraries({ today, offenderId, personal }: { today: IsoDate; offenderId: string; personal: PersonalDetails }) {
  const OFFENDER_ID = offenderId;
  const ADULT = personal;
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

  const conviction = fc.record({
    type: fc.constant('RecordConviction' as const),
    data: fc.record({ offence: fc.constantFrom(...OFFENCES), offenceDate: date, convictionDate: date, court: fc.constant('Magistrates') }),
  });
  const commandArbitraries: { [T in OffenderCommandType]: fc.Arbitrary<Extract<OffenderCommand, { type: T }>> } = {
    // Corrections name events by id, which the arbitraries cannot know: these are refused, and tested with real ids elsewhere.
    RestrictProcessing: fc.record({ type: fc.constant('RestrictProcessing'), data: fc.record({ reason: text, restrictedOn: date }) }),
    LiftRestriction: fc.record({ type: fc.constant('LiftRestriction'), data: fc.record({ reason: text, liftedOn: date }) }),
    ErasePersonalData: fc.record({ type: fc.constant('ErasePersonalData'), data: fc.record({ erasedOn: date, ground: fc.constantFrom(...ERASURE_GROUNDS) }) }),
    PlaceLegalHold: fc.record({ type: fc.constant('PlaceLegalHold'), data: fc.record({ reason: text, placedOn: date }) }),
    ReleaseLegalHold: fc.record({ type: fc.constant('ReleaseLegalHold'), data: fc.record({ reason: text, releasedOn: date }) }),
    RetractEvent: fc.record({ type: fc.constant('RetractEvent'), data: fc.record({ eventId: fc.uuid(), reason: text, retractedOn: date }) }),
    RectifyEvent: fc.record({
      type: fc.constant('RectifyEvent'),
      data: fc.record({ eventId: fc.uuid(), reason: text, rectifiedOn: date, correction: conviction }),
    }),
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
   * custody, or something earlier to refer to, as a rectification does) come more often; custody, which blocks many, comes less.
   * Erasure, which ends a record for good, comes only near the end of a sequence (commandSequence).
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
    RectifyEvent: 4,
  };
  const anyCommand: fc.Arbitrary<OffenderCommand> = fc.oneof(
    ...(Object.keys(commandArbitraries) as OffenderCommandType[]).filter((type) => type !== 'ErasePersonalData').map((type) => ({
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
      // Sometimes an erasure, and a few commands after it that must all be refused.
      fc.option(fc.tuple(commandArbitraries.ErasePersonalData, fc.array(anyCommand, { maxLength: 5 })), { nil: undefined, freq: 5 }),
    )
    .map(([register, adoption, rest, erasure]) =>
      [register, adoption, ...rest, ...(erasure ? [erasure[0], ...erasure[1]] : [])].filter((c): c is OffenderCommand => c !== undefined),
    );

  return { commandArbitraries, anyCommand, commandSequence };
}
