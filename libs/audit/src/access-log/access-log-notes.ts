import type { Request } from 'express';

/** What a route tells the access log about its request beyond what its access rule says. */
export interface AccessLogNote {
  /** The answer disclosed the subject's data (a printed or downloaded copy), to this recipient when given. */
  disclosure?: { recipient?: string };
  /** The answer was a search of the access log itself, about these subjects (the offender searched for, if any). */
  search?: { subjects: string[] };
}

// Kept beside the request rather than on it: nothing else can set or read them.
const notes = new WeakMap<Request, AccessLogNote>();

/** The note a route left for the access log, if any. */
export function accessLogNoteOf(request: Request): AccessLogNote | undefined {
  return notes.get(request);
}

/**
 * Marks the answer as a disclosure, whatever its format: a copy made to be
 * handed over. The recipient goes in the log as X-Disclosure-Recipient would.
 */
export function noteDisclosure(request: Request, recipient?: string): void {
  const trimmed = recipient?.trim().slice(0, 500);
  notes.set(request, { ...notes.get(request), disclosure: { recipient: trimmed || undefined } });
}

/**
 * Marks the answer as an auditor's search of the access log, so the search is
 * logged in turn (who, and the filters in the address), naming the offender
 * searched for, if any, as its subject. Only the search is logged, never the
 * entries it found, and after it answered, so it cannot list or cascade into itself.
 */
export function noteAccessLogSearch(request: Request, subject?: string): void {
  notes.set(request, { ...notes.get(request), search: { subjects: subject ? [subject] : [] } });
}
