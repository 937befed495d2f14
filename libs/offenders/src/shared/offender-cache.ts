import { foldOffender, isCorrection, offenderStreamId, upcastOffenderEvent, type OffenderEvent, type OffenderState, type RecordedEvent } from '@ppo/domain';
import type { EventStore, StoredEvent } from '@ppo/event-store';
import { BoundedLru } from './bounded-lru';
import { loadOffender } from './offender-stream';

/** Bounds of the offender cache; the defaults suit the API. */
export interface OffenderCacheOptions {
  /** The most events the folded offenders kept may stand for, together (default 500,000). */
  maxFoldedEvents?: number;
  /** The most events of opened histories kept for replays, together (default 100,000). */
  maxHistoryEvents?: number;
  /** How long an opened history is kept after it was last read, in ms (default 2 minutes). */
  historyTtlMs?: number;
  /** A monotonic clock in ms, for the histories' expiry (default performance.now). */
  now?: () => number;
}

/** An offender's state folded from their stream (corrections applied), and the version it was folded at. */
export interface FoldedOffender {
  readonly state: OffenderState;
  readonly version: number;
}

/** Every event of an offender's stream as recorded (corrections included), opened and upcast. */
export interface RecordedHistory {
  readonly version: number;
  readonly events: readonly RecordedEvent[];
}

interface KeptHistory extends RecordedHistory {
  usedAt: number;
}

/**
 * Offenders folded and histories opened in this process, kept so that a read
 * only has to fetch and fold the events appended since. The log stays the
 * truth: every read asks the store for the stream's tail (another process may
 * have appended), and a tail holding a correction (which changes how earlier
 * events read) or an erasure (after which earlier events read as erased) means
 * reading the whole stream again. An erased subject's state or history is never
 * kept. What it returns is shared: callers must not change it.
 */
export class OffenderCache {
  private readonly folded: BoundedLru<FoldedOffender>;
  private readonly histories: BoundedLru<KeptHistory>;
  private readonly historyTtlMs: number;
  private readonly now: () => number;
  /** Counts forget() calls: a read that began before one does not keep what it read. */
  private forgets = 0;
  /** One timer per kept history, so opened personal data leaves memory once unused, even if nothing else is read. */
  private readonly expiries = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: EventStore,
    options: OffenderCacheOptions = {},
  ) {
    this.folded = new BoundedLru(options.maxFoldedEvents ?? 500_000, (entry) => entry.version);
    this.histories = new BoundedLru(options.maxHistoryEvents ?? 100_000, (entry) => entry.events.length);
    this.historyTtlMs = options.historyTtlMs ?? 120_000;
    this.now = options.now ?? (() => performance.now());
  }

  /** The offender's current state and version: the cached fold brought up to the stream's end, or a full load. */
  async current(offenderId: string): Promise<FoldedOffender> {
    const streamId = offenderStreamId(offenderId);
    const forgets = this.forgets;
    const cached = this.folded.get(streamId);
    if (cached) {
      const tail = await this.store.readStream(streamId, { from: cached.version + 1 });
      if (tail.length === 0) return cached;
      const events = tail.map((event) => upcastOffenderEvent(event));
      if (continues(tail, cached.version) && !events.some(changesEarlierEvents)) {
        return this.keepFolded(streamId, { state: foldOffender(events, cached.state), version: tail.at(-1)!.version }, forgets);
      }
    }
    const { state, version } = await loadOffender(this.store, offenderId);
    return this.keepFolded(streamId, { state, version }, forgets);
  }

  /** Every event of the offender's stream, opened and upcast, with when it was recorded: for replays as at a date. */
  async recorded(offenderId: string): Promise<RecordedHistory> {
    const streamId = offenderStreamId(offenderId);
    const forgets = this.forgets;
    const now = this.now();
    const cached = this.histories.get(streamId);
    if (cached && now - cached.usedAt <= this.historyTtlMs) {
      const stored = await this.store.readStream(streamId, { from: cached.version + 1 });
      const tail = stored.map(recordedOf);
      if (continues(stored, cached.version) && !tail.some(isErasure)) {
        const events = tail.length === 0 ? cached.events : Object.freeze([...cached.events, ...tail]);
        return this.keepHistory(streamId, { version: stored.at(-1)?.version ?? cached.version, events }, forgets, now, false);
      }
    }
    const stored = await this.store.readStream(streamId);
    const events = Object.freeze(stored.map(recordedOf));
    return this.keepHistory(streamId, { version: stored.at(-1)?.version ?? 0, events }, forgets, now, events.some(isErasure));
  }

  /** Drops what is kept of an offender: this process has just erased their personal data. */
  forget(offenderId: string): void {
    const streamId = offenderStreamId(offenderId);
    this.forgets++;
    this.folded.delete(streamId);
    this.dropHistory(streamId);
  }

  /** Stops the histories' expiry timers and drops everything kept (Nest calls it on shutdown). */
  onModuleDestroy(): void {
    for (const streamId of [...this.expiries.keys()]) this.dropHistory(streamId);
    this.folded.clear();
  }

  /** How much is kept, in offenders and events, for tests and diagnostics. */
  get size(): { folded: { entries: number; weight: number }; histories: { entries: number; weight: number } } {
    return { folded: this.folded.size, histories: this.histories.size };
  }

  private keepFolded(streamId: string, entry: FoldedOffender, forgets: number): FoldedOffender {
    if (entry.state.erased) this.folded.delete(streamId);
    else if (forgets === this.forgets && entry.version > 0 && (this.folded.peek(streamId)?.version ?? 0) < entry.version) {
      this.folded.set(streamId, { version: entry.version, state: freezeShallow(entry.state) });
    }
    return entry;
  }

  private keepHistory(streamId: string, history: RecordedHistory, forgets: number, now: number, erased: boolean): RecordedHistory {
    if (erased) this.dropHistory(streamId);
    else if (forgets === this.forgets && history.version > 0 && (this.histories.peek(streamId)?.version ?? 0) <= history.version) {
      this.histories.set(streamId, { ...history, usedAt: now });
      if (!this.expiries.has(streamId)) this.expireLater(streamId, this.historyTtlMs);
    }
    return history;
  }

  private expireLater(streamId: string, afterMs: number): void {
    const timer = setTimeout(() => {
      this.expiries.delete(streamId);
      const kept = this.histories.peek(streamId);
      if (!kept) return;
      const idleMs = this.now() - kept.usedAt;
      if (idleMs > this.historyTtlMs) this.histories.delete(streamId);
      else this.expireLater(streamId, this.historyTtlMs - idleMs + 1);
    }, afterMs);
    timer.unref();
    this.expiries.set(streamId, timer);
  }

  private dropHistory(streamId: string): void {
    this.histories.delete(streamId);
    clearTimeout(this.expiries.get(streamId));
    this.expiries.delete(streamId);
  }
}

/** Whether a tail read after `version` starts right after it (the stream is append-only, so it always should). */
const continues = (tail: readonly { version: number }[], version: number) => tail.length === 0 || tail[0].version === version + 1;

/** Events after which a fold cannot simply go on: a correction rereads what came before, an erasure blanks it. */
const changesEarlierEvents = (event: OffenderEvent) => isCorrection(event) || event.type === 'PersonalDataErased';

const isErasure = (recorded: RecordedEvent) => recorded.event.type === 'PersonalDataErased';

const recordedOf = (stored: StoredEvent): RecordedEvent => ({ eventId: stored.eventId, event: upcastOffenderEvent(stored), recordedAt: stored.recordedAt });

/** Freezes the state and the lists and maps in it, so a caller that changed a shared state by mistake fails loudly. */
function freezeShallow(state: OffenderState): OffenderState {
  for (const value of Object.values(state)) if (value !== null && typeof value === 'object') Object.freeze(value);
  return Object.freeze(state);
}
