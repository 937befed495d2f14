import { Inject, Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, policyForArea, summariseOffender, type SchemePolicies } from '@ppo/domain';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';
import { CLOCK, type Clock } from '../../shared/clock';
import { OffenderCache } from '../../shared/offender-cache';
import { SCHEME_POLICIES } from '../../shared/scheme-policies';
import { GetOffenderQuery } from './get-offender.query';
import type { OffenderView } from './offender-view';

@QueryHandler(GetOffenderQuery)
export class GetOffenderHandler implements IQueryHandler<GetOffenderQuery, OffenderView> {
  private readonly cache: OffenderCache;

  /** Without a shared `cache` (the module provides one), the handler keeps its own. */
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEME_POLICIES) private readonly policies: SchemePolicies,
    @Optional() cache?: OffenderCache,
  ) {
    this.cache = cache ?? new OffenderCache(store);
  }

  async execute({ offenderId }: GetOffenderQuery): Promise<OffenderView> {
    const { state, version } = await this.cache.current(offenderId);
    if (!state.registered || !state.area || !state.personal || !state.registeredOn) throw new DomainError('OFFENDER.NOT_REGISTERED');
    const asOf = this.clock.today();
    return {
      offenderId,
      version,
      asOf,
      area: state.area,
      registeredOn: state.registeredOn,
      personal: state.personal,
      ...summariseOffender(state, asOf, policyForArea(this.policies, state.area)),
      team: state.team ?? null,
      adoptedOn: state.adoptedOn ?? null,
      needs: state.needs,
      openInterventions: Object.entries(state.interventions)
        .filter(([, i]) => !i.completedOn)
        .map(([interventionId, i]) => ({ interventionId, name: i.name, startedOn: i.startedOn })),
      restriction: state.restriction ?? null,
    };
  }
}
