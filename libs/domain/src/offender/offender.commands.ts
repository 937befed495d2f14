import type { IsoDate } from '../shared/dates';
import type {
  CommunityOrderEndReason,
  ContactKind,
  ContactOutcome,
  CourtOutcome,
  DeselectionReason,
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
import type { PersonalDetails } from './offender.events';

type Command<T extends string, D> = { type: T; data: D };

/**
 * The decider's commands: plain data. Ids of things a command creates
 * (offender, lapse, intervention...) are chosen by the caller, never by the decider.
 */
export type RegisterOffender = Command<'RegisterOffender', {
  offenderId: string;
  area: string;
  registeredOn?: IsoDate;
  personal: PersonalDetails;
}>;
export type RecordConviction = Command<'RecordConviction', {
  offence: Offence;
  offenceDate: IsoDate;
  convictionDate: IsoDate;
  court: string;
  sentence?: string;
}>;
export type RecordArrest = Command<'RecordArrest', { arrestedOn: IsoDate; offence: Offence }>;
export type RecordHarmIndicator = Command<'RecordHarmIndicator', {
  indicator: HarmIndicator;
  recordedOn: IsoDate;
  details?: string;
}>;
export type AdoptOffender = Command<'AdoptOffender', {
  adoptedOn: IsoDate;
  /** Defaults to Prevent and Deter under the policy's age, Rehabilitate and Resettle otherwise. */
  strand?: Strand;
  reason?: string;
}>;
export type AssignSupervisionTeam = Command<'AssignSupervisionTeam', {
  probationOfficer: string;
  policeOfficer: string;
  assignedOn: IsoDate;
}>;
export type RecordContact = Command<'RecordContact', {
  contactOn: IsoDate;
  kind: ContactKind;
  outcome: ContactOutcome;
  notes?: string;
}>;
type FrequencyChange = { contactsPerWeek: number; reason: string; effectiveOn: IsoDate };
export type ReduceContactFrequency = Command<'ReduceContactFrequency', FrequencyChange>;
export type IncreaseContactFrequency = Command<'IncreaseContactFrequency', FrequencyChange>;
export type IdentifyNeed = Command<'IdentifyNeed', { need: Need; identifiedOn: IsoDate; notes?: string }>;
export type StartIntervention = Command<'StartIntervention', {
  interventionId: string;
  need?: Need;
  name: string;
  provider?: string;
  startedOn: IsoDate;
}>;
export type CompleteIntervention = Command<'CompleteIntervention', {
  interventionId: string;
  completedOn: IsoDate;
  result: InterventionResult;
}>;
export type RecordLapse = Command<'RecordLapse', {
  lapseId: string;
  occurredOn: IsoDate;
  kind: LapseKind;
  severity: Severity;
  notes?: string;
}>;
export type FastTrackToCourt = Command<'FastTrackToCourt', {
  fastTrackId: string;
  fastTrackedOn: IsoDate;
  reason: string;
  court: string;
  hearingOn: IsoDate;
  lapseId?: string;
}>;
export type RecordCourtOutcome = Command<'RecordCourtOutcome', {
  outcome: CourtOutcome;
  decidedOn: IsoDate;
  court: string;
  fastTrackId?: string;
  currentStrand?: Strand;
  /** With a custody outcome: the sentence length. */
  custodyMonths?: number;
  /** With a new community order: its id (chosen by the caller) and end date. */
  orderId?: string;
  orderEndsOn?: IsoDate;
}>;
export type StartCustody = Command<'StartCustody', { startedOn: IsoDate; sentenceMonths?: number; remand: boolean }>;
export type ReleaseFromCustody = Command<'ReleaseFromCustody', { releasedOn: IsoDate; currentStrand?: Strand }>;
export type StartCommunityOrder = Command<'StartCommunityOrder', {
  orderId: string;
  startedOn: IsoDate;
  endsOn: IsoDate;
  requirements?: string;
}>;
export type EndCommunityOrder = Command<'EndCommunityOrder', {
  orderId: string;
  endedOn: IsoDate;
  reason: CommunityOrderEndReason;
}>;
export type ChangeStrand = Command<'ChangeStrand', {
  strand: Strand;
  change: StrandChange;
  changedOn: IsoDate;
  reason: string;
}>;
export type CompleteReview = Command<'CompleteReview', {
  reviewedOn: IsoDate;
  decision: ReviewDecision;
  /** Defaults to the policy's interval after the review. */
  nextReviewDue?: IsoDate;
  notes?: string;
}>;
export type DeselectOffender = Command<'DeselectOffender', {
  deselectedOn: IsoDate;
  reason: DeselectionReason;
  exitPlan?: { summary: string; voluntarySupport: string[] };
}>;

/** Every command the offender decider accepts. */
export type OffenderCommand =
  | RegisterOffender
  | RecordConviction
  | RecordArrest
  | RecordHarmIndicator
  | AdoptOffender
  | AssignSupervisionTeam
  | RecordContact
  | ReduceContactFrequency
  | IncreaseContactFrequency
  | IdentifyNeed
  | StartIntervention
  | CompleteIntervention
  | RecordLapse
  | FastTrackToCourt
  | RecordCourtOutcome
  | StartCustody
  | ReleaseFromCustody
  | StartCommunityOrder
  | EndCommunityOrder
  | ChangeStrand
  | CompleteReview
  | DeselectOffender;

export type OffenderCommandType = OffenderCommand['type'];
