import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, offenderStreamId, policyForArea, provenanceOf, replayBitemporal, summariseOffender, upcastOffenderEvent, type OffenderSummary, type Provenance, type SchemePolicies } from '@ppo/domain';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';
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
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SCHEME_POLICIES) private readonly policies: SchemePolicies,
  ) {}

  async execute({ offenderId, asAt, knownAt }: GetOffenderStateAtQuery): Promise<OffenderStateAtView> {
    const stored = await this.store.readStream(offenderStreamId(offenderId));
    if (stored.length === 0) throw new DomainError('OFFENDER.NOT_REGISTERED');
    const asKnownAt = knownAt ?? stored.at(-1)!.recordedAt;
    const replay = replayBitemporal(
      stored.map((s) => ({ eventId: s.eventId, event: upcastOffenderEvent(s), recordedAt: s.recordedAt })),
      asAt,
      asKnownAt,
    );
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
