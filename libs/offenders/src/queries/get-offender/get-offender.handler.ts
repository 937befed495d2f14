import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, policyForArea, summariseOffender, type SchemePolicies } from '@ppo/domain';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';
import { CLOCK, type Clock } from '../../shared/clock';
import { loadOffender } from '../../shared/offender-stream';
import { SCHEME_POLICIES } from '../../shared/scheme-policies';
import { GetOffenderQuery } from './get-offender.query';
import type { OffenderView } from './offender-view';

@QueryHandler(GetOffenderQuery)
export class GetOffenderHandler implements IQueryHandler<GetOffenderQuery, OffenderView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEME_POLICIES) private readonly policies: SchemePolicies,
  ) {}

  async execute({ offenderId }: GetOffenderQuery): Promise<OffenderView> {
    const { state, version } = await loadOffender(this.store, offenderId);
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
