import { DeadlineExceededError, NotLeaderError, TimeoutError, UnavailableError } from '@eventstore/db-client';

/** A store that cannot answer now but may in a moment: the problem's code, and when the client should try again. */
export interface StoreUnavailable {
  code: 'STORE.BUSY' | 'STORE.UNAVAILABLE';
  title: string;
  detail: string;
  retryAfterSeconds: number;
}

/** Node's codes for a peer that refused, dropped or never answered a connection. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** PostgreSQL SQLSTATEs: class 08 (connection exception), shutting down or starting up (57P01-57P03), too many connections. */
const POSTGRES_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
/** What node-postgres says, with no code, when a connection ends under it. */
const POSTGRES_TERMINATED = /^Connection terminated( unexpectedly| due to connection timeout)/;

const BUSY: StoreUnavailable = {
  code: 'STORE.BUSY',
  title: 'The service is busy. Try again in a moment.',
  detail: 'Another writer held a store for longer than this request could wait. Send the same request again (a command with the same Idempotency-Key) after the time in Retry-After.',
  retryAfterSeconds: 1,
};

const UNAVAILABLE: StoreUnavailable = {
  code: 'STORE.UNAVAILABLE',
  title: 'The service cannot reach its data just now. Try again shortly.',
  detail: 'A store the service depends on did not answer. Send the same request again (a command with the same Idempotency-Key) after the time in Retry-After.',
  retryAfterSeconds: 5,
};

/**
 * Whether an error says a store is busy or out of reach for now (rather than that the request or the code is
 * wrong): the embedded SQLite store locked past its busy timeout, EventStoreDB unavailable, timing out or
 * without a leader, or PostgreSQL unreachable. Such an error answers 503 with Retry-After, not 500.
 */
export function storeUnavailable(error: unknown): StoreUnavailable | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) return BUSY;
    if (e instanceof UnavailableError || e instanceof DeadlineExceededError || e instanceof TimeoutError || e instanceof NotLeaderError) return UNAVAILABLE;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_UNAVAILABLE.test(code))) return UNAVAILABLE;
    if (POSTGRES_TERMINATED.test(e.message)) return UNAVAILABLE;
  }
  return undefined;
}
