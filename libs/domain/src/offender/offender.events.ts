import type { IsoDate } from '../shared/dates';
import type {
  CommunityOrderEndReason,
  ContactKind,
  ContactOutcome,
  CourtOutcome,
  DeselectionReason,
  ErasureGround,
  HarmIndicator,
  InterventionResult,
  LapseKind,
  Need,
  Offence,
  ReviewDecision,
  Severity,
  Strand,
  StrandChange,
} from '../shared/vocabulary';

/**
 * The personal data of an offender, kept together in one object so that it
 * can be encrypted under a per-offender key without changing event shapes.
 */
export interface PersonalDetails {
  /** Case reference number in the national probation case system. */
  crn: string;
  /** Police National Computer id, when known. */
  pncId?: string;
  givenName: string;
  familyName: string;
  dateOfBirth: IsoDate;
}

type Event<T extends string, D> = { type: T; data: D };

export type OffenderRegistered = Event<'OffenderRegistered', {
  offenderId: string;
  area: string;
  registeredOn: IsoDate;
  personal: PersonalDetails;
}>;
export type ConvictionRecorded = Event<'ConvictionRecorded', {
  offence: Offence;
  offenceDate: IsoDate;
  convictionDate: IsoDate;
  court: string;
  sentence?: string;
}>;
export type ArrestRecorded = Event<'ArrestRecorded', { arrestedOn: IsoDate; offence: Offence }>;
export type HarmIndicatorRecorded = Event<'HarmIndicatorRecorded', {
  indicator: HarmIndicator;
  recordedOn: IsoDate;
  details?: string;
}>;
export type OffenderAdopted = Event<'OffenderAdopted', {
  strand: Strand;
  adoptedOn: IsoDate;
  /** The panel's reason; required when the criteria were not met. */
  reason?: string;
  /** Whether the area's selection criteria were met on the adoption date. */
  criteriaMet: boolean;
  nextReviewDue: IsoDate;
}>;
export type SupervisionTeamAssigned = Event<'SupervisionTeamAssigned', {
  probationOfficer: string;
  policeOfficer: string;
  assignedOn: IsoDate;
}>;
export type ContactRecorded = Event<'ContactRecorded', {
  contactOn: IsoDate;
  kind: ContactKind;
  outcome: ContactOutcome;
  notes?: string;
}>;
type FrequencyData = { contactsPerWeek: number; reason: string; effectiveOn: IsoDate };
export type ContactFrequencySet = Event<'ContactFrequencySet', FrequencyData>;
export type ContactFrequencyReduced = Event<'ContactFrequencyReduced', FrequencyData & { previousContactsPerWeek: number }>;
export type ContactFrequencyIncreased = Event<'ContactFrequencyIncreased', FrequencyData & { previousContactsPerWeek: number }>;
export type NeedIdentified = Event<'NeedIdentified', { need: Need; identifiedOn: IsoDate; notes?: string }>;
export type InterventionStarted = Event<'InterventionStarted', {
  interventionId: string;
  need?: Need;
  name: string;
  provider?: string;
  startedOn: IsoDate;
}>;
export type InterventionCompleted = Event<'InterventionCompleted', {
  interventionId: string;
  completedOn: IsoDate;
  result: InterventionResult;
}>;
export type LapseOccurred = Event<'LapseOccurred', {
  lapseId: string;
  occurredOn: IsoDate;
  kind: LapseKind;
  severity: Severity;
  notes?: string;
}>;
export type FastTrackedToCourt = Event<'FastTrackedToCourt', {
  fastTrackId: string;
  fastTrackedOn: IsoDate;
  reason: string;
  court: string;
  hearingOn: IsoDate;
  /** The lapse this fast-track follows, when there is one. */
  lapseId?: string;
}>;
export type CourtOutcomeRecorded = Event<'CourtOutcomeRecorded', {
  outcome: CourtOutcome;
  decidedOn: IsoDate;
  court: string;
  fastTrackId?: string;
  /** The strand to make current afterwards, when the case worker chose one. */
  currentStrand?: Strand;
}>;
export type CustodyStarted = Event<'CustodyStarted', {
  startedOn: IsoDate;
  /** Length of the custodial sentence; absent on remand. */
  sentenceMonths?: number;
  remand: boolean;
}>;
export type ReleasedFromCustody = Event<'ReleasedFromCustody', { releasedOn: IsoDate; currentStrand?: Strand }>;
export type CommunityOrderStarted = Event<'CommunityOrderStarted', {
  orderId: string;
  startedOn: IsoDate;
  endsOn: IsoDate;
  requirements?: string;
}>;
export type CommunityOrderEnded = Event<'CommunityOrderEnded', {
  orderId: string;
  endedOn: IsoDate;
  reason: CommunityOrderEndReason;
}>;
export type StrandChanged = Event<'StrandChanged', {
  strand: Strand;
  change: StrandChange;
  changedOn: IsoDate;
  reason: string;
}>;
export type ReviewCompleted = Event<'ReviewCompleted', {
  reviewedOn: IsoDate;
  decision: ReviewDecision;
  nextReviewDue: IsoDate;
  notes?: string;
}>;
export type OffenderDeselected = Event<'OffenderDeselected', {
  deselectedOn: IsoDate;
  reason: DeselectionReason;
  /** The exit plan: the voluntary support arranged as the order ends. Absent only when the offender died. */
  exitPlan?: { summary: string; voluntarySupport: string[] };
}>;

/** Facts a case worker enters that can be retracted or rectified if recorded in error. */
export type CorrectableEvent = ConvictionRecorded | ArrestRecorded | HarmIndicatorRecorded | ContactRecorded | LapseOccurred;

/** An earlier event was recorded in error: folds, projections and eligibility leave it out from now on. */
export type EventRetracted = Event<'EventRetracted', { eventId: string; reason: string; retractedOn: IsoDate }>;

/** An earlier event is replaced, where it stood, by a corrected version of the same kind. */
export type EventRectified = Event<'EventRectified', { eventId: string; reason: string; rectifiedOn: IsoDate; corrected: CorrectableEvent }>;

/** Processing of the record is restricted (DPA 2018 ss.46-48): hidden from all but auditors and the DPO. */
export type ProcessingRestricted = Event<'ProcessingRestricted', { reason: string; restrictedOn: IsoDate }>;

/** The restriction is lifted: the record is visible again to those who work with it. */
export type RestrictionLifted = Event<'RestrictionLifted', { reason: string; liftedOn: IsoDate }>;

/**
 * The offender's personal data was erased (DPA 2018 s.47) by destroying their data key: every earlier
 * event's personal fields now read as "[erased]". It carries no personal data itself.
 */
export type PersonalDataErased = Event<'PersonalDataErased', { erasedOn: IsoDate; ground: ErasureGround }>;

/** A legal hold: the record must be kept (litigation, an inquiry), whatever the retention policy says. */
export type LegalHoldPlaced = Event<'LegalHoldPlaced', { reason: string; placedOn: IsoDate }>;

/** The legal hold ends: the retention policy applies again. */
export type LegalHoldReleased = Event<'LegalHoldReleased', { reason: string; releasedOn: IsoDate }>;

/** Every event of an offender's journey, in its latest schema version. */
export type OffenderEvent =
  | OffenderRegistered
  | ConvictionRecorded
  | ArrestRecorded
  | HarmIndicatorRecorded
  | OffenderAdopted
  | SupervisionTeamAssigned
  | ContactRecorded
  | ContactFrequencySet
  | ContactFrequencyReduced
  | ContactFrequencyIncreased
  | NeedIdentified
  | InterventionStarted
  | InterventionCompleted
  | LapseOccurred
  | FastTrackedToCourt
  | CourtOutcomeRecorded
  | CustodyStarted
  | ReleasedFromCustody
  | CommunityOrderStarted
  | CommunityOrderEnded
  | StrandChanged
  | ReviewCompleted
  | OffenderDeselected
  | EventRetracted
  | EventRectified
  | ProcessingRestricted
  | RestrictionLifted
  | PersonalDataErased
  | LegalHoldPlaced
  | LegalHoldReleased;

export type OffenderEventType = OffenderEvent['type'];

/** The schema version each event type is written in now. Bump it with an upcaster for the old one. */
export const OFFENDER_EVENT_SCHEMA_VERSIONS: Record<OffenderEventType, number> = {
  OffenderRegistered: 1,
  ConvictionRecorded: 1,
  ArrestRecorded: 1,
  HarmIndicatorRecorded: 1,
  OffenderAdopted: 1,
  SupervisionTeamAssigned: 1,
  ContactRecorded: 1,
  ContactFrequencySet: 1,
  ContactFrequencyReduced: 1,
  ContactFrequencyIncreased: 1,
  NeedIdentified: 1,
  InterventionStarted: 1,
  InterventionCompleted: 1,
  LapseOccurred: 1,
  FastTrackedToCourt: 1,
  CourtOutcomeRecorded: 1,
  CustodyStarted: 1,
  ReleasedFromCustody: 1,
  CommunityOrderStarted: 1,
  CommunityOrderEnded: 1,
  StrandChanged: 1,
  ReviewCompleted: 1,
  OffenderDeselected: 1,
  EventRetracted: 1,
  EventRectified: 1,
  ProcessingRestricted: 1,
  RestrictionLifted: 1,
  PersonalDataErased: 1,
  LegalHoldPlaced: 1,
  LegalHoldReleased: 1,
};

export const OFFENDER_EVENT_TYPES = Object.keys(OFFENDER_EVENT_SCHEMA_VERSIONS) as OffenderEventType[];

/**
 * The date an event happened on, as the case worker gave it: the envelope's
 * `occurredAt`. Scheduled dates (hearing, order end, next review) are not it.
 */
export function occurredOn(event: OffenderEvent): IsoDate {
  switch (event.type) {
    case 'OffenderRegistered': return event.data.registeredOn;
    case 'ConvictionRecorded': return event.data.convictionDate;
    case 'ArrestRecorded': return event.data.arrestedOn;
    case 'HarmIndicatorRecorded': return event.data.recordedOn;
    case 'OffenderAdopted': return event.data.adoptedOn;
    case 'SupervisionTeamAssigned': return event.data.assignedOn;
    case 'ContactRecorded': return event.data.contactOn;
    case 'ContactFrequencySet':
    case 'ContactFrequencyReduced':
    case 'ContactFrequencyIncreased': return event.data.effectiveOn;
    case 'NeedIdentified': return event.data.identifiedOn;
    case 'InterventionStarted': return event.data.startedOn;
    case 'InterventionCompleted': return event.data.completedOn;
    case 'LapseOccurred': return event.data.occurredOn;
    case 'FastTrackedToCourt': return event.data.fastTrackedOn;
    case 'CourtOutcomeRecorded': return event.data.decidedOn;
    case 'CustodyStarted': return event.data.startedOn;
    case 'ReleasedFromCustody': return event.data.releasedOn;
    case 'CommunityOrderStarted': return event.data.startedOn;
    case 'CommunityOrderEnded': return event.data.endedOn;
    case 'StrandChanged': return event.data.changedOn;
    case 'ReviewCompleted': return event.data.reviewedOn;
    case 'OffenderDeselected': return event.data.deselectedOn;
    case 'EventRetracted': return event.data.retractedOn;
    case 'EventRectified': return event.data.rectifiedOn;
    case 'ProcessingRestricted': return event.data.restrictedOn;
    case 'RestrictionLifted': return event.data.liftedOn;
    case 'PersonalDataErased': return event.data.erasedOn;
    case 'LegalHoldPlaced': return event.data.placedOn;
    case 'LegalHoldReleased': return event.data.releasedOn;
    default: {
      const _: never = event;
      throw new Error(`Unknown event ${(_ as OffenderEvent).type}`);
    }
  }
}
