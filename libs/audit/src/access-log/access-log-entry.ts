/**
 * What an access-log entry records (DPA 2018 s.62): consulting, disclosing or
 * altering a subject's data; and an auditor's search of this log itself
 * (who looked at who looked), with its filters in the entry's `url`.
 */
export type AccessKind = 'consultation' | 'disclosure' | 'alteration' | 'search';

/** One logged access, as written. */
export interface NewAccessLogEntry {
  at: string;
  kind: AccessKind;
  userId: string;
  username: string;
  role: string;
  /** The route as declared, e.g. `GET /api/offenders/:offenderId`. */
  route: string;
  /** The path actually requested, with its query. */
  url: string;
  /** The offenders whose data was consulted, disclosed or altered. */
  subjects: string[];
  /** Why, when the caller said (X-Access-Purpose). */
  purpose?: string;
  /** To whom, for a disclosure, when the caller said (X-Disclosure-Recipient). */
  recipient?: string;
  correlationId: string;
}

/** An entry as stored: numbered, and chained by hash to the one before. */
export interface AccessLogEntry extends NewAccessLogEntry {
  sequence: number;
  hash: string;
  previousHash: string | null;
}

/** What an access-log search can narrow by. */
export interface AccessLogQuery {
  subject?: string;
  user?: string;
  /** On or after this instant or date. */
  from?: string;
  /** Before this instant, or on or before this date. */
  to?: string;
  page?: number;
  pageSize?: number;
}

/** The outcome of re-checking the access log's chain. */
export interface AccessLogIntegrity {
  ok: boolean;
  entries: number;
  firstBreak: { sequence: number; problem: string } | null;
}
