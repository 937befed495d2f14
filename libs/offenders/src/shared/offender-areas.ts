import { Inject, Injectable } from '@nestjs/common';
import type { OffenderAccessFacts, OffenderAreas } from '@ppo/auth';
import { offenderStreamId, upcastOffenderEvent } from '@ppo/domain';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';

const REMEMBERED = 50_000;

/** What is known of one stream: its facts as of a version. */
interface Known {
  facts: OffenderAccessFacts;
  version: number;
}

/**
 * An offender's area, from the registration that opens their stream, and any
 * restriction of processing, from the latest restriction event. Each request
 * reads only the events appended since it last looked, so a restriction takes
 * effect at once without reading a long history again.
 */
@Injectable()
export class OffenderAreasFromStreams implements OffenderAreas {
  private readonly known = new Map<string, Known>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async factsOf(offenderId: string): Promise<OffenderAccessFacts | undefined> {
    const before = this.known.get(offenderId);
    const newer = await this.store.readStream(offenderStreamId(offenderId), { from: (before?.version ?? 0) + 1 });
    if (!before && newer.length === 0) return undefined;
    let facts = before?.facts;
    if (!facts) {
      const registration = upcastOffenderEvent(newer[0]);
      if (registration.type !== 'OffenderRegistered') return undefined;
      facts = { area: registration.data.area };
    }
    for (const stored of newer) {
      if (stored.type !== 'ProcessingRestricted' && stored.type !== 'RestrictionLifted') continue;
      const event = upcastOffenderEvent(stored);
      if (event.type === 'ProcessingRestricted') facts = { area: facts.area, restriction: { reason: event.data.reason, since: event.data.restrictedOn } };
      else if (event.type === 'RestrictionLifted') facts = { area: facts.area };
    }
    const version = newer.at(-1)?.version ?? before!.version;
    this.known.delete(offenderId);
    this.known.set(offenderId, { facts, version });
    if (this.known.size > REMEMBERED) this.known.delete(this.known.keys().next().value!);
    return facts;
  }
}
