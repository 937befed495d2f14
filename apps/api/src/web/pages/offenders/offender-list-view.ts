import { INTENSITIES, OFFENDER_STATUSES, STRANDS } from '@ppo/domain';
import { OFFENDER_SORTS, type OffenderListPage, type OffenderSort } from '@ppo/read-models';
import { sentence } from '../../shared/format';
import { hrefWith } from '../shared/page-query';

/** The offender list's filters as the page reads them from its query string. */
export interface OffenderListQuery {
  strand?: string;
  intensity?: string;
  area?: string;
  officer?: string;
  status?: string;
  q?: string;
  sort: OffenderSort;
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** The table's columns, in order, and the sort each header offers. */
export const OFFENDER_COLUMNS: { text: string; sort: OffenderSort }[] = [
  { text: 'Name', sort: 'name' },
  { text: 'Area', sort: 'area' },
  { text: 'Status', sort: 'status' },
  { text: 'Strand', sort: 'strand' },
  { text: 'Intensity', sort: 'intensity' },
  { text: 'Last contact', sort: 'last-contact' },
  { text: 'Next review', sort: 'next-review' },
];

export const SORT_KEYS = Object.keys(OFFENDER_SORTS) as OffenderSort[];

/** The query as parameters, to rebuild links that keep the filters. */
function filterParams(q: OffenderListQuery) {
  return { strand: q.strand, intensity: q.intensity, area: q.area, officer: q.officer, status: q.status, q: q.q };
}

const sortParam = (sort: OffenderSort, direction: 'asc' | 'desc') => (sort === 'name' && direction === 'asc' ? undefined : `${direction === 'desc' ? '-' : ''}${sort}`);

/** A link to the list with the same filters and sort, on another page. */
export function listHref(q: OffenderListQuery, changes: { sort?: OffenderSort; direction?: 'asc' | 'desc'; page?: number } = {}): string {
  const sort = changes.sort ?? q.sort;
  const direction = changes.direction ?? q.direction;
  const page = changes.page ?? q.page;
  return hrefWith('/offenders', {
    ...filterParams(q),
    sort: sortParam(sort, direction),
    pageSize: q.pageSize === 25 ? undefined : q.pageSize,
    page: page === 1 ? undefined : page,
  });
}

/**
 * The table's header cells: each a link that sorts by its column (the other
 * way round when it is already sorted by it), with aria-sort. The area column
 * shows only to those who see more than one area. (The CRN shows under the
 * name; `?sort=crn` still works.)
 */
export function headerCells(q: OffenderListQuery, showArea: boolean) {
  return OFFENDER_COLUMNS.filter((c) => showArea || c.sort !== 'area').map(({ text, sort }) => {
    const sorted = q.sort === sort;
    const next = sorted && q.direction === 'asc' ? 'desc' : 'asc';
    return {
      text,
      href: listHref(q, { sort, direction: next, page: 1 }),
      ariaSort: sorted ? (q.direction === 'asc' ? 'ascending' : 'descending') : 'none',
      nextLabel: next === 'asc' ? 'sort ascending' : 'sort descending',
      arrow: sorted ? (q.direction === 'asc' ? '▲' : '▼') : '',
    };
  });
}

/** GOV.UK pagination for the page: numbers around the current one, the first and last, and ellipses between. */
export function pagination(q: OffenderListQuery, result: OffenderListPage) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - result.page) <= 1) items.push({ number: n, href: listHref(q, { page: n }), current: n === result.page });
    else if (!('ellipsis' in (items.at(-1) ?? {}))) items.push({ ellipsis: true });
  }
  return {
    pages,
    items,
    previous: result.page > 1 ? { href: listHref(q, { page: result.page - 1 }) } : undefined,
    next: result.page < pages ? { href: listHref(q, { page: result.page + 1 }) } : undefined,
    from: result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1,
    to: Math.min(result.total, result.page * result.pageSize),
  };
}

/** The items of a select for one filter, with "Any" first. */
function choices(values: readonly string[], chosen: string | undefined) {
  return [{ value: '', text: 'Any', selected: !chosen }, ...values.map((value) => ({ value, text: sentence(value), selected: value === chosen }))];
}

export const filterChoices = (q: OffenderListQuery) => ({
  strands: choices(STRANDS, q.strand),
  intensities: choices(INTENSITIES, q.intensity),
  statuses: choices(OFFENDER_STATUSES, q.status),
});

/** The filters in force, as MoJ "selected filters" categories whose tags remove them. */
export function selectedFilters(q: OffenderListQuery) {
  const labels: [keyof ReturnType<typeof filterParams>, string, (v: string) => string][] = [
    ['q', 'Name or CRN', (v) => v],
    ['strand', 'Strand', sentence],
    ['intensity', 'Intensity', sentence],
    ['area', 'Area', sentence],
    ['officer', 'Officer', (v) => v],
    ['status', 'Status', sentence],
  ];
  const categories = labels
    .filter(([key]) => q[key])
    .map(([key, heading, show]) => ({
      heading: { text: heading },
      items: [{ text: show(q[key]!), href: listHref({ ...q, [key]: undefined }, { page: 1 }) }],
    }));
  return categories.length ? { heading: { text: 'Selected filters' }, clearLink: { text: 'Clear filters', href: '/offenders' }, categories } : undefined;
}
