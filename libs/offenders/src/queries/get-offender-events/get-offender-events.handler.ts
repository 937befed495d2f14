import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, offenderStreamId } from '@ppo/domain';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@ppo/event-store';
import { GetOffenderEventsQuery } from './get-offender-events.query';

/** An offender's stream as stored, oldest first. */
export interface OffenderEventsView {
  offenderId: string;
  version: number;
  events: StoredEvent[];
}

@QueryHandler(GetOffenderEventsQuery)
export class GetOffenderEventsHandler implements IQueryHandler<GetOffenderEventsQuery, OffenderEventsView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ offenderId }: GetOffenderEventsQuery): Promise<OffenderEventsView> {
    const events = await this.store.readStream(offenderStreamId(offenderId));
    if (events.length === 0) throw new DomainError('OFFENDER.NOT_REGISTERED');
    return { offenderId, version: events.at(-1)!.version, events };
  }
}
