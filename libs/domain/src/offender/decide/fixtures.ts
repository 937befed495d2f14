/**
 * Shared fixtures for the offender decider's given/when/then tests: a fixed
 * `today`, the specification under the default (Northumbria) policy, and
 * builders for the events a history is made of. Dates are fixed strings so
 * that no test depends on the clock.
 */
import { DEFAULT_SCHEME_POLICY, type SchemePolicy } from '../../policy/scheme-policy';
import { addDays, addMonths, type IsoDate } from '../../shared/dates';
import type { CommunityOrderEndReason, DeselectionReason, HarmIndicator, Offence, Strand } from '../../shared/vocabulary';
import { deciderSpecification } from '../../testing/decider-specification';
import type { OffenderCommand, OffenderCommandType } from '../offender.commands';
import { offenderDecider } from '../offender.decider';
import type {
  CommunityOrderStarted,
  ConvictionRecorded,
  CustodyStarted,
  HarmIndicatorRecorded,
  InterventionStarted,
  LapseOccurred,
  OffenderDeselected,
  OffenderEvent,
  OffenderRegistered,
  PersonalDetails,
} from '../offender.events';

/** Today where the scheme is, for every decider test. */
export const today: IsoDate = '2026-06-15';
export const tomorrow: IsoDate = addDays(today, 1);
export const policy: SchemePolicy = DEFAULT_SCHEME_POLICY;

/** The decider under the default policy, on `today`. */
export const spec = deciderSpecification(offenderDecider, { today, policy });

/** The same decider under another area's policy. */
export function specUnder(areaPolicy: SchemePolicy) {
  return deciderSpecification(offenderDecider, { today, policy: areaPolicy });
}

export const OFFENDER_ID = 'a3f1c9e2-0000-4000-8000-000000000001';
export const REGISTERED_ON: IsoDate = '2025-11-03';
/** The default adoption date: well over the 28-day stable period before `today`. */
export const ADOPTED_ON: IsoDate = '2026-01-12';

/** An adult: 36 on `today`. */
export const ADULT: PersonalDetails = {
  crn: 'X123456',
  pncId: '2001/0012345A',
  givenName: 'Jordan',
  familyName: 'Example',
  dateOfBirth: '1990-04-02',
};

/** A young person who turns 18 on 2026-09-01, so is 17 on `today`. */
export const SEVENTEEN_YEAR_OLD: PersonalDetails = { ...ADULT, crn: 'Y654321', dateOfBirth: '2008-09-01' };

export function registered(options: { registeredOn?: IsoDate; personal?: PersonalDetails; area?: string } = {}): OffenderRegistered {
  return {
    type: 'OffenderRegistered',
    data: {
      offenderId: OFFENDER_ID,
      area: options.area ?? 'northumbria',
      registeredOn: options.registeredOn ?? REGISTERED_ON,
      personal: options.personal ?? ADULT,
    },
  };
}

export function conviction(convictionDate: IsoDate, offence: Offence = 'theft-from-shops'): ConvictionRecorded {
  return {
    type: 'ConvictionRecorded',
    data: { offence, offenceDate: addDays(convictionDate, -14), convictionDate, court: 'Newcastle Magistrates' },
  };
}

/** `n` convictions, a month apart, the latest on `latestOn`. */
export function convictions(
  n: number,
  { latestOn = '2025-12-15', offence = 'theft-from-shops' }: { latestOn?: IsoDate; offence?: Offence } = {},
): ConvictionRecorded[] {
  return Array.from({ length: n }, (_, i) => conviction(addMonths(latestOn, -(n - 1 - i)), offence));
}

export function harmIndicator(indicator: HarmIndicator, recordedOn: IsoDate = '2025-12-01'): HarmIndicatorRecorded {
  return { type: 'HarmIndicatorRecorded', data: { indicator, recordedOn } };
}

/** The two events of an adoption, as the decider emits them under the default policy. */
export function adopted(
  options: { adoptedOn?: IsoDate; strand?: Strand; reason?: string; criteriaMet?: boolean } = {},
): OffenderEvent[] {
  const adoptedOn = options.adoptedOn ?? ADOPTED_ON;
  return [
    {
      type: 'OffenderAdopted',
      data: {
        strand: options.strand ?? 'rehabilitate-and-resettle',
        adoptedOn,
        reason: options.reason,
        criteriaMet: options.criteriaMet ?? true,
        nextReviewDue: addMonths(adoptedOn, policy.reviewIntervalMonths),
      },
    },
    { type: 'ContactFrequencySet', data: { contactsPerWeek: policy.contactsPerWeekOnAdoption, reason: 'Set on adoption', effectiveOn: adoptedOn } },
  ];
}

/** A registered adult with six convictions in the year, adopted on ADOPTED_ON (or the date given). */
export function onScheme(options: { adoptedOn?: IsoDate; strand?: Strand } = {}): OffenderEvent[] {
  return [registered(), ...convictions(6), ...adopted(options)];
}

export function lapse(lapseId: string, occurredOn: IsoDate): LapseOccurred {
  return { type: 'LapseOccurred', data: { lapseId, occurredOn, kind: 'drug-use', severity: 'moderate' } };
}

export function fastTracked(fastTrackId: string, fastTrackedOn: IsoDate, lapseId?: string): OffenderEvent {
  return {
    type: 'FastTrackedToCourt',
    data: { fastTrackId, fastTrackedOn, reason: 'Lapse into drug use', court: 'Newcastle Magistrates', hearingOn: addDays(fastTrackedOn, 7), lapseId },
  };
}

export function custodyStarted(startedOn: IsoDate, options: { sentenceMonths?: number; remand?: boolean } = {}): CustodyStarted {
  return { type: 'CustodyStarted', data: { startedOn, sentenceMonths: options.sentenceMonths, remand: options.remand ?? false } };
}

export function released(releasedOn: IsoDate, currentStrand?: Strand): OffenderEvent {
  return { type: 'ReleasedFromCustody', data: { releasedOn, currentStrand } };
}

export function orderStarted(orderId: string, startedOn: IsoDate, endsOn: IsoDate = addMonths(startedOn, 12)): CommunityOrderStarted {
  return { type: 'CommunityOrderStarted', data: { orderId, startedOn, endsOn } };
}

export function orderEnded(orderId: string, endedOn: IsoDate, reason: CommunityOrderEndReason = 'completed'): OffenderEvent {
  return { type: 'CommunityOrderEnded', data: { orderId, endedOn, reason } };
}

export function interventionStarted(interventionId: string, startedOn: IsoDate): InterventionStarted {
  return { type: 'InterventionStarted', data: { interventionId, need: 'drugs', name: 'Structured drug treatment', startedOn } };
}

export function strandChanged(strand: Strand, change: 'added' | 'ended' | 'made-current', changedOn: IsoDate = '2026-03-01'): OffenderEvent {
  return { type: 'StrandChanged', data: { strand, change, changedOn, reason: 'Case conference' } };
}

export const EXIT_PLAN = { summary: 'Tenancy support and a mentor as the order ends', voluntarySupport: ['Housing association', 'Mentoring charity'] };

export function deselected(deselectedOn: IsoDate = '2026-05-01', reason: DeselectionReason = 'stable-and-order-complete'): OffenderDeselected {
  return { type: 'OffenderDeselected', data: { deselectedOn, reason, exitPlan: reason === 'deceased' ? undefined : EXIT_PLAN } };
}

/**
 * One well-formed command of every type, dated in the past. Typed by command
 * type so that a new command type cannot be forgotten here.
 */
export const ONE_OF_EACH_COMMAND: { [T in OffenderCommandType]: Extract<OffenderCommand, { type: T }> } = {
  RestrictProcessing: { type: 'RestrictProcessing', data: { reason: 'Accuracy contested by the data subject', restrictedOn: '2026-06-02' } },
  LiftRestriction: { type: 'LiftRestriction', data: { reason: 'Accuracy confirmed', liftedOn: '2026-06-03' } },
  ErasePersonalData: { type: 'ErasePersonalData', data: { erasedOn: '2026-06-04', ground: 'principles-infringed' } },
  PlaceLegalHold: { type: 'PlaceLegalHold', data: { reason: 'Civil claim pending', placedOn: '2026-06-02' } },
  ReleaseLegalHold: { type: 'ReleaseLegalHold', data: { reason: 'Claim settled', releasedOn: '2026-06-03' } },
  RetractEvent: { type: 'RetractEvent', data: { eventId: 'event-2', reason: 'Recorded against the wrong person', retractedOn: '2026-06-02' } },
  RectifyEvent: {
    type: 'RectifyEvent',
    data: {
      eventId: 'event-2',
      reason: 'Wrong court',
      rectifiedOn: '2026-06-02',
      correction: { type: 'RecordConviction', data: { offence: 'burglary', offenceDate: '2026-05-01', convictionDate: '2026-06-01', court: 'Carlisle Crown Court' } },
    },
  },
  RegisterOffender: { type: 'RegisterOffender', data: { offenderId: OFFENDER_ID, area: 'northumbria', personal: ADULT } },
  RecordConviction: {
    type: 'RecordConviction',
    data: { offence: 'burglary', offenceDate: '2026-05-01', convictionDate: '2026-06-01', court: 'Newcastle Crown Court' },
  },
  RecordArrest: { type: 'RecordArrest', data: { arrestedOn: '2026-06-01', offence: 'theft-from-shops' } },
  RecordHarmIndicator: { type: 'RecordHarmIndicator', data: { indicator: 'anti-social-behaviour', recordedOn: '2026-06-01' } },
  AdoptOffender: { type: 'AdoptOffender', data: { adoptedOn: '2026-06-01', reason: 'Panel agreed on intelligence' } },
  AssignSupervisionTeam: {
    type: 'AssignSupervisionTeam',
    data: { probationOfficer: 'PO Patel', policeOfficer: 'PC Moore', assignedOn: '2026-06-01' },
  },
  RecordContact: { type: 'RecordContact', data: { contactOn: '2026-06-01', kind: 'home-visit', outcome: 'attended' } },
  ReduceContactFrequency: { type: 'ReduceContactFrequency', data: { contactsPerWeek: 2, reason: 'Stable', effectiveOn: '2026-06-01' } },
  IncreaseContactFrequency: { type: 'IncreaseContactFrequency', data: { contactsPerWeek: 5, reason: 'Chaotic', effectiveOn: '2026-06-01' } },
  IdentifyNeed: { type: 'IdentifyNeed', data: { need: 'accommodation', identifiedOn: '2026-06-01' } },
  StartIntervention: { type: 'StartIntervention', data: { interventionId: 'int-1', name: 'Housing support', startedOn: '2026-06-01' } },
  CompleteIntervention: { type: 'CompleteIntervention', data: { interventionId: 'int-1', completedOn: '2026-06-01', result: 'completed' } },
  RecordLapse: { type: 'RecordLapse', data: { lapseId: 'lapse-1', occurredOn: '2026-06-01', kind: 'drug-use', severity: 'minor' } },
  FastTrackToCourt: {
    type: 'FastTrackToCourt',
    data: { fastTrackId: 'ft-1', fastTrackedOn: '2026-06-01', reason: 'Breach', court: 'Newcastle Magistrates', hearingOn: '2026-06-20' },
  },
  RecordCourtOutcome: { type: 'RecordCourtOutcome', data: { outcome: 'order-continued', decidedOn: '2026-06-01', court: 'Newcastle Magistrates' } },
  StartCustody: { type: 'StartCustody', data: { startedOn: '2026-06-01', remand: true } },
  ReleaseFromCustody: { type: 'ReleaseFromCustody', data: { releasedOn: '2026-06-01' } },
  StartCommunityOrder: { type: 'StartCommunityOrder', data: { orderId: 'co-1', startedOn: '2026-06-01', endsOn: '2027-06-01' } },
  EndCommunityOrder: { type: 'EndCommunityOrder', data: { orderId: 'co-1', endedOn: '2026-06-01', reason: 'completed' } },
  ChangeStrand: { type: 'ChangeStrand', data: { strand: 'catch-and-convict', change: 'added', changedOn: '2026-06-01', reason: 'Reoffending' } },
  CompleteReview: { type: 'CompleteReview', data: { reviewedOn: '2026-06-01', decision: 'continue' } },
  DeselectOffender: { type: 'DeselectOffender', data: { deselectedOn: '2026-06-01', reason: 'moved-area', exitPlan: EXIT_PLAN } },
};

/** Every command type except registration, for table tests. */
export const COMMANDS_AFTER_REGISTRATION = Object.values(ONE_OF_EACH_COMMAND).filter((c) => c.type !== 'RegisterOffender') as OffenderCommand[];
