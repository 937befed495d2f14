import type { IsoDate } from '../shared/dates';
import type { Strand } from '../shared/vocabulary';
import type {
  ArrestRecorded,
  CommunityOrderEnded,
  CommunityOrderStarted,
  ContactFrequencyReduced,
  ContactRecorded,
  ConvictionRecorded,
  CourtOutcomeRecorded,
  CustodyStarted,
  FastTrackedToCourt,
  HarmIndicatorRecorded,
  InterventionCompleted,
  InterventionStarted,
  LapseOccurred,
  LegalHoldPlaced,
  LegalHoldReleased,
  NeedIdentified,
  OffenderDeselected,
  PersonalDataErased,
  PersonalDetails,
  ReleasedFromCustody,
  ReviewCompleted,
  StrandChanged,
  SupervisionTeamAssigned,
} from './offender.events';

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
/** Commands whose data is exactly the data of the event they record. */
export type RecordConviction = Command<'RecordConviction', ConvictionRecorded['data']>;
export type RecordArrest = Command<'RecordArrest', ArrestRecorded['data']>;
export type RecordHarmIndicator = Command<'RecordHarmIndicator', HarmIndicatorRecorded['data']>;
export type AssignSupervisionTeam = Command<'AssignSupervisionTeam', SupervisionTeamAssigned['data']>;
export type RecordContact = Command<'RecordContact', ContactRecorded['data']>;
export type IdentifyNeed = Command<'IdentifyNeed', NeedIdentified['data']>;
export type StartIntervention = Command<'StartIntervention', InterventionStarted['data']>;
export type CompleteIntervention = Command<'CompleteIntervention', InterventionCompleted['data']>;
export type RecordLapse = Command<'RecordLapse', LapseOccurred['data']>;
export type FastTrackToCourt = Command<'FastTrackToCourt', FastTrackedToCourt['data']>;
export type StartCustody = Command<'StartCustody', CustodyStarted['data']>;
export type ReleaseFromCustody = Command<'ReleaseFromCustody', ReleasedFromCustody['data']>;
export type StartCommunityOrder = Command<'StartCommunityOrder', CommunityOrderStarted['data']>;
export type EndCommunityOrder = Command<'EndCommunityOrder', CommunityOrderEnded['data']>;
export type ChangeStrand = Command<'ChangeStrand', StrandChanged['data']>;
export type DeselectOffender = Command<'DeselectOffender', OffenderDeselected['data']>;

export type AdoptOffender = Command<'AdoptOffender', {
  adoptedOn: IsoDate;
  /** Defaults to Prevent and Deter under the policy's age, Rehabilitate and Resettle otherwise. */
  strand?: Strand;
  reason?: string;
}>;
/** A change of contact frequency: the event adds the frequency it replaced. */
type FrequencyChange = Omit<ContactFrequencyReduced['data'], 'previousContactsPerWeek'>;
export type ReduceContactFrequency = Command<'ReduceContactFrequency', FrequencyChange>;
export type IncreaseContactFrequency = Command<'IncreaseContactFrequency', FrequencyChange>;
export type RecordCourtOutcome = Command<'RecordCourtOutcome', CourtOutcomeRecorded['data'] & {
  /** With a custody outcome: the sentence length. */
  custodyMonths?: number;
  /** With a new community order: its id (chosen by the caller) and end date. */
  orderId?: string;
  orderEndsOn?: IsoDate;
}>;
export type CompleteReview = Command<'CompleteReview', Omit<ReviewCompleted['data'], 'nextReviewDue'> & {
  /** Defaults to the policy's interval after the review. */
  nextReviewDue?: IsoDate;
}>;

/** Every command the offender decider accepts. */
/** Retract an event recorded in error (a conviction, arrest, harm indicator, contact or lapse), with the reason. */
export type RetractEvent = Command<'RetractEvent', { eventId: string; reason: string; retractedOn: IsoDate }>;

/** Replace an event recorded wrongly by a corrected one, given as the command that records such a fact. */
export type RectifyEvent = Command<'RectifyEvent', {
  eventId: string;
  reason: string;
  rectifiedOn: IsoDate;
  correction: RecordConviction | RecordArrest | RecordHarmIndicator | RecordContact | RecordLapse;
}>;

/** Restrict processing of the record (the DPO), with the reason shown to those who may still see it. */
export type RestrictProcessing = Command<'RestrictProcessing', { reason: string; restrictedOn: IsoDate }>;

/** Lift a restriction (the DPO). */
export type LiftRestriction = Command<'LiftRestriction', { reason: string; liftedOn: IsoDate }>;

/** Erase the offender's personal data (the DPO): their data key is destroyed; refused under a legal hold. */
export type ErasePersonalData = Command<'ErasePersonalData', PersonalDataErased['data']>;

/** Place a legal hold (the DPO): the record is kept whatever the retention policy says. */
export type PlaceLegalHold = Command<'PlaceLegalHold', LegalHoldPlaced['data']>;

/** Release a legal hold (the DPO). */
export type ReleaseLegalHold = Command<'ReleaseLegalHold', LegalHoldReleased['data']>;

export type OffenderCommand =
  | ErasePersonalData
  | PlaceLegalHold
  | ReleaseLegalHold
  | RestrictProcessing
  | LiftRestriction
  | RetractEvent
  | RectifyEvent
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
