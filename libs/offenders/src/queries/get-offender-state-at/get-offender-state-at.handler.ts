import { Inject, Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, policyForArea, provenanceOf, replayBitemporal, summariseOffender, type OffenderSummary, type Provenance, type SchemePolicies } from '@ppo/domain';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';
import { OffenderCache } from '../../shared/offender-cache';
import { SCHEME_POLICIES } from '../../shared/scheme-policies';
import { GetOffenderStateAtQuery } from './get-offender-state-at.query';

/** What was true of an offender on a date, as the record stood at a moment. */
export interface OffenderStateAtView {
  offenderId: string;
  asAt: string;
  knownAt: string;
  /** How the stream divided: folded, happened later than asAt, or happened by then but recorded after knownAt. */
  events: { included: number; laterThanAsAt: number; recordedAfterKnownAt: number };
  /** False when the offender had not been registered on that date as far as was then known. */
  registered: boolean;
  summary: (OffenderSummary & { area: string }) | null;
  /** Which events produced the current strand, the intensity and the eligibility (ids of events in the stream). */
  provenance: Provenance | null;
}

@QueryHandler(GetOffenderStateAtQuery)
export class GetOffenderStateAtHandler implements IQueryHandler<GetOffenderStateAtQuery, OffenderStateAtView> {
  private readonly cache: OffenderCache;

  /** Without a shared `cache` (the module provides one), the handler keeps its own. */
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(SCHEME_POLICIES) private readonly policies: SchemePolicies,
    @Optional() cache?: OffenderCache,
  ) {
    this.cache = cache ?? new OffenderCache(store);
  }

  async execute({ offenderId, asAt, knownAt }: GetOffenderStateAtQuery): Promise<OffenderStateAtView> {
    // An auditor moves through the dates of one offender: the opened history is kept a short while (OffenderCache).
    const { events } = await this.cache.recorded(offenderId);
    if (events.length === 0) throw new DomainError('OFFENDER.NOT_REGISTERED');
    const asKnownAt = knownAt ?? events.at(-1)!.recordedAt;
    const replay = replayBitemporal(events, asAt, asKnownAt);
    const { state } = replay;
    const registered = state.registered && !!state.area;
    return {
      offenderId,
      asAt,
      knownAt: asKnownAt,
      events: { included: replay.included, laterThanAsAt: replay.laterThanAsAt, recordedAfterKnownAt: replay.recordedAfterKnownAt },
      registered,
      summary: registered ? { area: state.area!, ...summariseOffender(state, asAt, policyForArea(this.policies, state.area!)) } : null,
      provenance: registered ? provenanceOf(replay.history, asAt, policyForArea(this.policies, state.area!)) : null,
    };
  }
}
