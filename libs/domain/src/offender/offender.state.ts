import { NO_STRANDS, nextStrands, type StrandState } from '../derived/current-strand';
import type { IsoDate } from '../shared/dates';
import type {
  CommunityOrderEndReason,
  ContactOutcome,
  DeselectionReason,
  HarmIndicator,
  InterventionResult,
  LapseKind,
  Need,
  Offence,
  OffenderStatus,
  Severity,
} from '../shared/vocabulary';
import type { OffenderEvent, PersonalDetails } from './offender.events';
import { ERASED, ERASED_PERSONAL_DETAILS } from './offender.personal-data';

/** Everything the decider needs to know about one offender, folded from their stream. */
export interface OffenderState {
  registered: boolean;
  offenderId?: string;
  area?: string;
  registeredOn?: IsoDate;
  personal?: PersonalDetails;
  onScheme: boolean;
  adoptedOn?: IsoDate;
  strands: StrandState;
  contactsPerWeek: number;
  team?: { probationOfficer: string; policeOfficer: string; assignedOn: IsoDate };
  convictions: { offence: Offence; offenceDate: IsoDate; convictionDate: IsoDate }[];
  arrests: { arrestedOn: IsoDate; offence: Offence }[];
  harmIndicators: { indicator: HarmIndicator; recordedOn: IsoDate }[];
  contacts: { contactOn: IsoDate; outcome: ContactOutcome }[];
  needs: Need[];
  interventions: Record<string, { name: string; startedOn: IsoDate; completedOn?: IsoDate; result?: InterventionResult }>;
  lapses: { lapseId: string; occurredOn: IsoDate; kind: LapseKind; severity: Severity }[];
  fastTracks: { fastTrackId: string; fastTrackedOn: IsoDate; hearingOn: IsoDate; lapseId?: string }[];
  custody?: { startedOn: IsoDate; sentenceMonths?: number; remand: boolean };
  communityOrders: Record<string, { startedOn: IsoDate; endsOn: IsoDate; endedOn?: IsoDate; reason?: CommunityOrderEndReason }>;
  nextReviewDue?: IsoDate;
  deselection?: { deselectedOn: IsoDate; reason: DeselectionReason };
  /** Set while processing is restricted: the record is hidden from all but auditors and the DPO. */
  restriction?: { reason: string; since: IsoDate };
  /** Set once personal data is erased: the record keeps its facts, never again its personal data. */
  erased?: { erasedOn: IsoDate };
  /** Set while a legal hold is in place: erasure is refused and the retention review skips the record. */
  legalHold?: { reason: string; since: IsoDate };
}

export const initialState: OffenderState = {
  registered: false,
  onScheme: false,
  strands: NO_STRANDS,
  contactsPerWeek: 0,
  convictions: [],
  arrests: [],
  harmIndicators: [],
  contacts: [],
  needs: [],
  interventions: {},
  lapses: [],
  fastTracks: [],
  communityOrders: {},
};

/** Where the offender stands with the scheme, derived from the state. */
export function offenderStatus(state: OffenderState): OffenderStatus | 'unregistered' {
  if (!state.registered) return 'unregistered';
  if (state.deselection && !state.onScheme) return 'deselected';
  if (state.onScheme) return state.custody ? 'in-custody' : 'on-scheme';
  return 'registered';
}

/** Applies one event to the state. Pure: never throws for a well-formed event. */
export function evolve(state: OffenderState, event: OffenderEvent): OffenderState {
  return evolveOwning(state, event, undefined);
}

/**
 * An evolve for one fold, for folds that keep only the last state (foldOffender, provenance): lists and maps it
 * created itself it appends to in place, so a fold is linear in the history rather than quadratic. Anything it was
 * given (the starting state, an earlier caller's arrays) it copies once before changing, so the fold stays pure
 * from outside; only the states it returned along the way share the arrays it owns.
 */
export function foldingEvolve(): (state: OffenderState, event: OffenderEvent) => OffenderState {
  const owned = new WeakSet<object>();
  return (state, event) => evolveOwning(state, event, owned);
}

/** A list with `item` added: in place when the fold owns the list, otherwise a copy (which the fold then owns). */
function appended<T>(list: readonly T[], item: NoInfer<T>, owned: WeakSet<object> | undefined): T[] {
  if (owned?.has(list)) {
    (list as T[]).push(item);
    return list as T[];
  }
  const copy = [...list, item];
  owned?.add(copy);
  return copy;
}

/** A record with `key` set to `value`: in place when the fold owns the record, otherwise a copy. */
function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: NoInfer<T>, owned: WeakSet<object> | undefined): Record<string, T> {
  if (owned?.has(record)) {
    (record as Record<string, T>)[key] = value;
    return record as Record<string, T>;
  }
  const copy = { ...record, [key]: value };
  owned?.add(copy);
  return copy;
}

/** The one definition of how an event changes the state; `owned` names what it may change in place (see foldingEvolve). */
function evolveOwning(state: OffenderState, event: OffenderEvent, owned: WeakSet<object> | undefined): OffenderState {
  // Strands belong to the scheme: events before adoption (custody, a court outcome) put no one on a strand.
  const strands = state.onScheme || event.type === 'OffenderAdopted' ? nextStrands(state.strands, event) : state.strands;
  const s = strands === state.strands ? state : { ...state, strands };
  switch (event.type) {
    case 'OffenderRegistered': {
      const { offenderId, area, registeredOn, personal } = event.data;
      return { ...s, registered: true, offenderId, area, registeredOn, personal };
    }
    case 'ConvictionRecorded': {
      const { offence, offenceDate, convictionDate } = event.data;
      return { ...s, convictions: appended(s.convictions, { offence, offenceDate, convictionDate }, owned) };
    }
    case 'ArrestRecorded':
      return { ...s, arrests: appended(s.arrests, { arrestedOn: event.data.arrestedOn, offence: event.data.offence }, owned) };
    case 'HarmIndicatorRecorded':
      return { ...s, harmIndicators: appended(s.harmIndicators, { indicator: event.data.indicator, recordedOn: event.data.recordedOn }, owned) };
    case 'OffenderAdopted':
      return { ...s, onScheme: true, adoptedOn: event.data.adoptedOn, nextReviewDue: event.data.nextReviewDue, deselection: undefined };
    case 'SupervisionTeamAssigned':
      return { ...s, team: { ...event.data } };
    case 'ContactRecorded':
      return { ...s, contacts: appended(s.contacts, { contactOn: event.data.contactOn, outcome: event.data.outcome }, owned) };
    case 'ContactFrequencySet':
    case 'ContactFrequencyReduced':
    case 'ContactFrequencyIncreased':
      return { ...s, contactsPerWeek: event.data.contactsPerWeek };
    case 'NeedIdentified':
      return s.needs.includes(event.data.need) ? s : { ...s, needs: appended(s.needs, event.data.need, owned) };
    case 'InterventionStarted': {
      const { interventionId, name, startedOn } = event.data;
      return { ...s, interventions: withEntry(s.interventions, interventionId, { name, startedOn }, owned) };
    }
    case 'InterventionCompleted': {
      const { interventionId, completedOn, result } = event.data;
      const started = s.interventions[interventionId];
      return { ...s, interventions: withEntry(s.interventions, interventionId, { ...started, completedOn, result }, owned) };
    }
    case 'LapseOccurred': {
      const { lapseId, occurredOn, kind, severity } = event.data;
      return { ...s, lapses: appended(s.lapses, { lapseId, occurredOn, kind, severity }, owned) };
    }
    case 'FastTrackedToCourt': {
      const { fastTrackId, fastTrackedOn, hearingOn, lapseId } = event.data;
      return { ...s, fastTracks: appended(s.fastTracks, { fastTrackId, fastTrackedOn, hearingOn, lapseId }, owned) };
    }
    case 'CourtOutcomeRecorded':
      return s;
    case 'CustodyStarted':
      return { ...s, custody: { ...event.data } };
    case 'ReleasedFromCustody':
      return { ...s, custody: undefined };
    case 'CommunityOrderStarted': {
      const { orderId, startedOn, endsOn } = event.data;
      return { ...s, communityOrders: withEntry(s.communityOrders, orderId, { startedOn, endsOn }, owned) };
    }
    case 'CommunityOrderEnded': {
      const { orderId, endedOn, reason } = event.data;
      const order = s.communityOrders[orderId];
      return { ...s, communityOrders: withEntry(s.communityOrders, orderId, { ...order, endedOn, reason }, owned) };
    }
    case 'StrandChanged':
      return s;
    case 'ReviewCompleted':
      return { ...s, nextReviewDue: event.data.nextReviewDue };
    case 'OffenderDeselected':
      return {
        ...s,
        onScheme: false,
        contactsPerWeek: 0,
        nextReviewDue: undefined,
        deselection: { deselectedOn: event.data.deselectedOn, reason: event.data.reason },
      };
    case 'ProcessingRestricted':
      return { ...state, restriction: { reason: event.data.reason, since: event.data.restrictedOn } };
    case 'RestrictionLifted':
      return { ...state, restriction: undefined };
    case 'PersonalDataErased':
      return eraseFromState({ ...s, erased: { erasedOn: event.data.erasedOn } });
    case 'LegalHoldPlaced':
      return { ...s, legalHold: { reason: event.data.reason, since: event.data.placedOn } };
    case 'LegalHoldReleased':
      return { ...s, legalHold: undefined };
    case 'EventRetracted':
    case 'EventRectified':
      // Corrections act on the history before it is folded (applyCorrections), not on the state.
      return state;
    default: {
      const _: never = event;
      return state;
    }
  }
}

/**
 * The state with every personal value replaced by ERASED. Earlier events already read as erased once the key is
 * gone; this covers a fold that saw them before (a live projection, a long-running process).
 */
function eraseFromState(state: OffenderState): OffenderState {
  const interventions = Object.fromEntries(Object.entries(state.interventions).map(([id, i]) => [id, { ...i, name: ERASED }]));
  return {
    ...state,
    personal: state.personal && { ...ERASED_PERSONAL_DETAILS, ...(state.personal.pncId === undefined ? {} : { pncId: ERASED }) },
    interventions,
    restriction: state.restriction && { ...state.restriction, reason: ERASED },
  };
}

/** Folds a stream's events from the initial state (or `from`, which it leaves as it was). Linear in the events: see foldingEvolve. */
export function foldOffender(events: readonly OffenderEvent[], from: OffenderState = initialState): OffenderState {
  const step = foldingEvolve();
  let state = from;
  for (const event of events) state = step(state, event);
  return state;
}
