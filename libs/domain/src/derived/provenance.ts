import type { IdentifiedEvent } from '../offender/offender.corrections';
import { foldingEvolve, initialState, type OffenderState } from '../offender/offender.state';
import type { SchemePolicy } from '../policy/scheme-policy';
import { addDays, type IsoDate } from '../shared/dates';
import { assessEligibility } from './eligibility';

/** Which events produced each derived value of an offender's state: ids of events, oldest first. */
export interface Provenance {
  /** The event that made the current strand current (adoption, a strand change, a court outcome, a release). */
  currentStrand: string[];
  /** The event that set today's contacts a week, the custody that overrides it, and the lapse that escalates it. */
  intensity: string[];
  /** The convictions and harm indicators counted in the eligibility window. */
  eligibility: string[];
}

/**
 * Folds the history as it reads (corrections already applied), noting for each
 * derived value the events that produced it, so an auditor can see why the
 * record says what it says.
 */
export function provenanceOf(history: readonly IdentifiedEvent[], asOf: IsoDate, policy: SchemePolicy): Provenance {
  let state: OffenderState = initialState;
  const evolve = foldingEvolve();
  let strandSetBy: string | undefined;
  let frequencySetBy: string | undefined;
  let custodyStartedBy: string | undefined;
  const lapses: { eventId: string; on: IsoDate }[] = [];
  const facts: { eventId: string; kind: 'conviction' | 'harm'; on: IsoDate }[] = [];
  for (const { eventId, event } of history) {
    const next = evolve(state, event);
    if (next.strands.current !== state.strands.current) strandSetBy = next.strands.current ? eventId : undefined;
    if (next.contactsPerWeek !== state.contactsPerWeek) frequencySetBy = eventId;
    if (next.custody !== state.custody) custodyStartedBy = next.custody ? eventId : undefined;
    if (event.type === 'LapseOccurred') lapses.push({ eventId, on: event.data.occurredOn });
    if (event.type === 'ConvictionRecorded') facts.push({ eventId, kind: 'conviction', on: event.data.convictionDate });
    if (event.type === 'HarmIndicatorRecorded') facts.push({ eventId, kind: 'harm', on: event.data.recordedOn });
    state = next;
  }
  const { windowStart } = assessEligibility(state, asOf, policy.eligibility);
  const escalatingLapse = lapses
    .filter((l) => l.on <= asOf && l.on > addDays(asOf, -policy.escalationDays))
    .sort((a, b) => (a.on < b.on ? -1 : 1))
    .at(-1);
  return {
    currentStrand: strandSetBy ? [strandSetBy] : [],
    intensity: state.onScheme ? [frequencySetBy, custodyStartedBy, escalatingLapse?.eventId].filter((id): id is string => !!id) : [],
    eligibility: facts.filter((f) => f.on >= windowStart && f.on <= asOf).map((f) => f.eventId),
  };
}
