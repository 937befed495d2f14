import type { EventStore } from '../event-store.port';
import { expectedHash, sealHash, type Seal } from './event-hash';

/** Where the log first fails its checks, and how. */
export interface IntegrityBreak {
  streamId: string;
  /** The global position of the event where the break shows. */
  position: number;
  version: number;
  problem: string;
}

/** The outcome of checking every event's hash, every stream's chain and every seal. */
export interface IntegrityReport {
  ok: boolean;
  events: number;
  streams: number;
  seals: number;
  /** The global position the last good seal covers (everything up to it is also proven complete and in order). */
  sealedTo: number;
  firstBreak: IntegrityBreak | null;
}

/**
 * Re-checks the whole log, from the first event: each event's hash against its
 * content, each stream's chain (versions 1, 2, 3... each pointing at the hash
 * before), and each seal against the event hashes it covers. Stops at the
 * first break and names its stream and position. Content changed in place
 * fails its hash; a deleted or reordered event breaks its stream's chain; a
 * whole event removed from the end, or events of two streams swapped, fail
 * the seal that covered them.
 */
export async function verifyLog(given: EventStore, options: { pageSize?: number; onProgress?: (position: number) => void } = {}): Promise<IntegrityReport> {
  // Hashes cover events as stored: check the adapter's bytes, not a decorator's reading of them.
  const store = given.stored ?? given;
  const seals: Seal[] = (await store.readSeals?.()) ?? [];
  const heads = new Map<string, { version: number; hash: string }>();
  let sealIndex = 0;
  let sealHashes: string[] = [];
  let previousSeal: string | null = null;
  let events = 0;
  let sealedTo = 0;
  let after = 0;
  let lastPosition = 0;
  /** Positions missing from a log whose positions have no gaps by design (the embedded store). */
  const gaps: number[] = [];
  let sealFailure: IntegrityReport | null = null;
  const broken = (at: { streamId: string; globalPosition: number; version: number }, problem: string): IntegrityReport => ({
    ok: false,
    events,
    streams: heads.size,
    seals: sealIndex,
    sealedTo,
    firstBreak: { streamId: at.streamId, position: at.globalPosition, version: at.version, problem },
  });

  for (;;) {
    let page;
    try {
      page = await store.readAll({ after, limit: options.pageSize ?? 1000 });
    } catch (error) {
      return { ok: false, events, streams: heads.size, seals: sealIndex, sealedTo, firstBreak: { streamId: '?', position: after + 1, version: 0, problem: `cannot be read: ${(error as Error).message}` } };
    }
    if (page.length === 0) break;
    for (const event of page) {
      if (store.positionsAreContiguous && event.globalPosition !== lastPosition + 1) {
        for (let p = lastPosition + 1; p < event.globalPosition; p++) gaps.push(p);
      }
      lastPosition = event.globalPosition;
      const seal = seals[sealIndex];
      if (seal && event.globalPosition > seal.position && !sealFailure) {
        sealFailure = broken(event, `seal ${seal.sequence} covers up to position ${seal.position}, but the log has no event there`);
      }
      const head = heads.get(event.streamId);
      const expectedVersion = (head?.version ?? 0) + 1;
      if (event.version > expectedVersion) {
        // Where the log's positions have no gaps by design, a gap says exactly where the missing event stood.
        const gap = gaps.shift();
        const where = gap === undefined ? event : { ...event, globalPosition: gap, version: expectedVersion };
        return broken(where, `version ${expectedVersion} of its stream is missing${gap === undefined ? '' : ` (the event at position ${gap} was removed)`}: the chain is broken`);
      }
      if (event.version !== expectedVersion) {
        return broken(event, `version ${event.version} follows version ${head?.version ?? 0} of its stream: events are out of order`);
      }
      if (event.previousHash !== (head?.hash ?? null)) {
        return broken(event, 'its link to the previous event of its stream does not match that event: the chain is broken');
      }
      if (!event.hash || expectedHash(event) !== event.hash) {
        return broken(event, 'its content does not match its hash: the event was altered');
      }
      heads.set(event.streamId, { version: event.version, hash: event.hash });
      sealHashes.push(event.hash);
      events++;
      if (seal && event.globalPosition === seal.position) {
        const hash = sealHash(previousSeal, sealHashes);
        if ((hash !== seal.hash || sealHashes.length !== seal.events) && !sealFailure) {
          sealFailure = broken(event, `seal ${seal.sequence} (up to position ${seal.position}) does not match the events it covers: events were removed, added or reordered`);
        }
        previousSeal = seal.hash;
        if (!sealFailure) sealedTo = seal.position;
        sealHashes = [];
        sealIndex++;
      }
    }
    after = page[page.length - 1].globalPosition;
    options.onProgress?.(after);
  }
  // A broken stream chain names the event itself; a seal only says that something in its span is wrong, so it comes second.
  if (sealFailure) return sealFailure;
  const unmatched = seals[sealIndex];
  if (unmatched) {
    return {
      ok: false,
      events,
      streams: heads.size,
      seals: sealIndex,
      sealedTo,
      firstBreak: { streamId: '?', position: unmatched.position, version: 0, problem: `seal ${unmatched.sequence} covers up to position ${unmatched.position}, beyond the end of the log: events were removed from the end` },
    };
  }
  return { ok: true, events, streams: heads.size, seals: sealIndex, sealedTo, firstBreak: null };
}
