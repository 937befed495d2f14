import type { AccessLogQuery } from '@ppo/audit';
import type { FieldError } from '@ppo/auth';
import { addDays } from '@ppo/domain';
import { hrefWith } from '../../shared/page-query';
import { startOfLondonDay } from '../shared/london-time';
import { dateInputParams, readDate, type Query } from '../shared/moments';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The access-log search as the page reads it from its query string. */
export interface AccessLogSearch {
  subject?: string;
  user?: string;
  /** London dates, inclusive. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const one = (query: Query, name: string): string | undefined => {
  const raw = query[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
};

const wholeNumber = (value: string | undefined) => (value && /^\d{1,6}$/.test(value) && Number(value) >= 1 ? Number(value) : undefined);

/**
 * Reads the search form: an offender's id (it must be one), a user (id or
 * username), a start and end date (GOV.UK date inputs, or `from=YYYY-MM-DD`
 * and `to=` in a link), and the page. Gives the GOV.UK macros' parameters to
 * refill the form, and errors with the field each is about.
 */
export function readAccessLogSearch(query: Query) {
  const errors: FieldError[] = [];
  const subject = one(query, 'subject')?.slice(0, 100);
  if (subject && !UUID.test(subject)) {
    errors.push({ field: 'subject', text: 'Enter the offender’s ID in the right format, as in the address of their record, like 0f8fad5b-d9cb-469f-a165-70867728950e' });
  }
  const user = one(query, 'user')?.slice(0, 100);
  const from = readDate(query, 'from', 'Start date');
  const to = readDate(query, 'to', 'End date');
  for (const d of [from, to]) if (d.error) errors.push(d.error);
  if (from.value && to.value && to.value < from.value) errors.push({ field: 'to-day', text: 'End date must be the same as or after the start date' });
  const pageSize = wholeNumber(one(query, 'pageSize'));
  const search: AccessLogSearch = {
    subject: subject?.toLowerCase(),
    user,
    from: from.value,
    to: to.value,
    page: wholeNumber(one(query, 'page')) ?? 1,
    pageSize: pageSize && pageSize <= 100 ? pageSize : 25,
  };
  const form = {
    subject: {
      id: 'subject',
      name: 'subject',
      label: { text: 'Offender ID', classes: 'govuk-label--s' },
      hint: { text: 'As in the address of their record. Leave blank for everyone.' },
      value: subject,
      spellcheck: false,
      errorMessage: errors.find((e) => e.field === 'subject'),
    },
    user: {
      id: 'user',
      name: 'user',
      label: { text: 'User', classes: 'govuk-label--s' },
      hint: { text: 'Their username or user ID. Leave blank for everyone.' },
      value: user,
      spellcheck: false,
      autocomplete: 'off',
    },
    from: dateInputParams('from', 'Start date', 'On or after this day. For example, 1 11 2026', from, errors),
    to: dateInputParams('to', 'End date', 'On or before this day. For example, 30 11 2026', to, errors),
  };
  return { search, errors, form };
}

/** What the log's search is asked: the dates as instants bounding whole days on the London clock. */
export function logQueryOf(search: AccessLogSearch): AccessLogQuery {
  return {
    subject: search.subject,
    user: search.user,
    from: search.from ? startOfLondonDay(search.from) : undefined,
    // Before the start of the next day: the end date is included whole.
    to: search.to ? startOfLondonDay(addDays(search.to, 1)) : undefined,
    page: search.page,
    pageSize: search.pageSize,
  };
}

/** A link to the search with the same filters, on another page. */
export function searchHref(search: AccessLogSearch, page: number): string {
  return hrefWith('/audit/access-log', {
    subject: search.subject,
    user: search.user,
    from: search.from,
    to: search.to,
    pageSize: search.pageSize === 25 ? undefined : search.pageSize,
    page: page === 1 ? undefined : page,
  });
}
