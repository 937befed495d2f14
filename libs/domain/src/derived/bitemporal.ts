import { occurredOn, type OffenderEvent } from '../offender/offender.events';
import { foldOffender, type OffenderState } from '../offender/offender.state';
import { applyCorrections, isCorrection } from '../offender/offender.corrections';
import type { IsoDate } from '../shared/dates';

/** An event with when it was recorded: what bitemporal replay needs from the envelope. */
export interface RecordedEvent {
  eventId: string;
  event: OffenderEvent;
  /** When the service recorded it, ISO 8601 UTC. */
  recordedAt: string;
}

/** The state an offender was in on a date, as the record stood at a moment, and what went into it. */
export interface BitemporalState {
  state: OffenderState;
  /** The events folded, corrections applied, in order: what the state was built from. */
  history: RecordedEvent[];
  /** Events that had happened by asAt and been recorded by knownAt: the ones folded. */
  included: number;
  /** Events recorded by knownAt that happened after asAt. */
  laterThanAsAt: number;
  /** Events that had happened by asAt but were only recorded after knownAt. */
  recordedAfterKnownAt: number;
}

/**
 * Replays an offender's events on two time axes: what was true on `asAt`
 * (events that happened on or before that date) according to what had been
 * recorded by `knownAt`. A conviction recorded late changes what is true as at
 * an earlier date, while the record as known before it was entered still shows
 * the old picture; a retraction or rectification known by then is applied.
 * Events fold in the order they were recorded, as they always do.
 */
export function replayBitemporal(events: readonly RecordedEvent[], asAt: IsoDate, knownAt: string): BitemporalState {
  // Corrections known by then apply whatever date they bear: an entry recorded in error was never true.
  const known = applyCorrections(events.filter((e) => e.recordedAt <= knownAt));
  const included = known.filter((e) => occurredOn(e.event) <= asAt);
  return {
    state: foldOffender(included.map((e) => e.event)),
    history: included,
    included: included.length,
    laterThanAsAt: known.length - included.length,
    recordedAfterKnownAt: events.filter((e) => e.recordedAt > knownAt && !isCorrection(e.event) && occurredOn(e.event) <= asAt).length,
  };
}
