import { Inject, Injectable } from '@nestjs/common';
import type { OffenderAccessFacts, OffenderAreas } from '@ppo/auth';
import { offenderStreamId, upcastOffenderEvent } from '@ppo/domain';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';

/**
 * An offender's area, from the registration that opens their stream, and any
 * restriction of processing, from the latest restriction event. The stream is
 * read each time so a restriction takes effect at once, for every request.
 */
@Injectable()
export class OffenderAreasFromStreams implements OffenderAreas {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async factsOf(offenderId: string): Promise<OffenderAccessFacts | undefined> {
    const stream = await this.store.readStream(offenderStreamId(offenderId));
    const [first] = stream;
    if (!first) return undefined;
    const registration = upcastOffenderEvent(first);
    if (registration.type !== 'OffenderRegistered') return undefined;
    let restriction: OffenderAccessFacts['restriction'];
    for (const stored of stream) {
      if (stored.type !== 'ProcessingRestricted' && stored.type !== 'RestrictionLifted') continue;
      const event = upcastOffenderEvent(stored);
      if (event.type === 'ProcessingRestricted') restriction = { reason: event.data.reason, since: event.data.restrictedOn };
      else if (event.type === 'RestrictionLifted') restriction = undefined;
    }
    return { area: registration.data.area, ...(restriction ? { restriction } : {}) };
  }
}
