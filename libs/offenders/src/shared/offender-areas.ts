import { Injectable } from '@nestjs/common';
import type { OffenderAccessFacts, OffenderAreas } from '@ppo/auth';
import { OffenderCache } from './offender-cache';

/**
 * An offender's area and any restriction of processing, for the access guard, from the same folded offender the
 * commands and queries use: a request reads only the stream's tail, once, and the command it lets through then finds
 * nothing new to read or open. A restriction recorded by any process takes effect at the next request.
 */
@Injectable()
export class OffenderAreasFromStreams implements OffenderAreas {
  constructor(private readonly cache: OffenderCache) {}

  async factsOf(offenderId: string): Promise<OffenderAccessFacts | undefined> {
    const { state } = await this.cache.current(offenderId);
    if (!state.registered || !state.area) return undefined;
    return state.restriction ? { area: state.area, restriction: { reason: state.restriction.reason, since: state.restriction.since } } : { area: state.area };
  }
}
