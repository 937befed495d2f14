import { Inject, Injectable } from '@nestjs/common';
import type { OffenderAreas } from '@ppo/auth';
import { offenderStreamId, upcastOffenderEvent } from '@ppo/domain';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';

const REMEMBERED = 50_000;

/**
 * An offender's area, from the registration that opens their stream. An area
 * never changes once registered, so answers are remembered (a missing offender
 * is not, since they may be registered next).
 */
@Injectable()
export class OffenderAreasFromStreams implements OffenderAreas {
  private readonly known = new Map<string, string>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async areaOf(offenderId: string): Promise<string | undefined> {
    const remembered = this.known.get(offenderId);
    if (remembered !== undefined) return remembered;
    const [first] = await this.store.readStream(offenderStreamId(offenderId), { to: 1 });
    if (!first) return undefined;
    const event = upcastOffenderEvent(first);
    if (event.type !== 'OffenderRegistered') return undefined;
    if (this.known.size >= REMEMBERED) this.known.delete(this.known.keys().next().value!);
    this.known.set(offenderId, event.data.area);
    return event.data.area;
  }
}
