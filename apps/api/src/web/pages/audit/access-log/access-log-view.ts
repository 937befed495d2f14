import type { AccessLogEntry, AccessLogIntegrity } from '@ppo/audit';
import { formatDateTime, sentence } from '../../../shared/format';
import { searchHref, type AccessLogSearch } from './access-log-query';

/** How many offenders an entry lists openly before the rest go behind "Show all". */
const SHOWN_SUBJECTS = 3;

/** What one kind of access means, for the table. */
const KINDS: Record<string, string> = {
  consultation: 'Consultation',
  disclosure: 'Disclosure',
  alteration: 'Alteration',
  search: 'Search of this log',
};

/** One entry of the log, as the table shows it. */
export interface EntryRow {
  sequence: number;
  at: string;
  when: string;
  who: string;
  role: string;
  kind: string;
  route: string;
  /** The address asked for, when its query says more than the route and offenders do (a filter, a page, a date). */
  url?: string;
  subjects: string[];
  /** Subjects past the first few, listed under "Show all". */
  moreSubjects: string[];
  purpose: string;
  recipient: string;
}

/** The log's entries in words. */
export function entryRows(entries: AccessLogEntry[]): EntryRow[] {
  return entries.map((e) => ({
    sequence: e.sequence,
    at: e.at,
    when: formatDateTime(e.at),
    who: e.username,
    role: sentence(e.role),
    kind: KINDS[e.kind] ?? sentence(e.kind),
    route: e.route,
    url: e.url.includes('?') ? e.url : undefined,
    subjects: e.subjects.slice(0, e.subjects.length > SHOWN_SUBJECTS + 1 ? SHOWN_SUBJECTS : undefined),
    moreSubjects: e.subjects.length > SHOWN_SUBJECTS + 1 ? e.subjects.slice(SHOWN_SUBJECTS) : [],
    purpose: e.purpose ?? 'Not given',
    recipient: e.recipient ?? (e.kind === 'disclosure' ? 'Not given' : 'None'),
  }));
}

/** GOV.UK pagination through the results: numbers around the current page, the first and last, ellipses between. */
export function pagination(search: AccessLogSearch, total: number) {
  const pages = Math.max(1, Math.ceil(total / search.pageSize));
  const current = search.page;
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - current) <= 1) items.push({ number: n, href: searchHref(search, n), current: n === current });
    else if (!('ellipsis' in (items.at(-1) ?? {}))) items.push({ ellipsis: true });
  }
  return {
    items,
    previous: current > 1 && current <= pages ? { href: searchHref(search, current - 1) } : undefined,
    next: current < pages ? { href: searchHref(search, current + 1) } : undefined,
    from: total === 0 ? 0 : Math.min(total, (current - 1) * search.pageSize + 1),
    to: Math.min(total, current * search.pageSize),
  };
}

/** The chain check in a sentence. */
export function integrityText(integrity: AccessLogIntegrity): string {
  if (integrity.ok) {
    return integrity.entries === 0
      ? 'The log’s chain verifies: it has no entries yet.'
      : `The log’s chain verifies: all ${integrity.entries} ${integrity.entries === 1 ? 'entry is' : 'entries are'} as they were written, none missing or altered.`;
  }
  const { sequence, problem } = integrity.firstBreak!;
  return `The log’s chain does not verify. The first break is at entry ${sequence}: ${problem}. Report this to the data protection officer.`;
}
