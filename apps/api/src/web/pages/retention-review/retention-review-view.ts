import { addMonths, daysBetween, type IsoDate } from '@ppo/domain';
import { hrefWith } from '../shared/page-query';

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** How long a review has been due, in words: "Due today", "12 days", "1 year, 3 months". */
export function overdueFor(dueOn: IsoDate, today: IsoDate): string {
  const days = daysBetween(dueOn, today);
  if (days <= 0) return 'Due today';
  const [dy, dm] = dueOn.split('-').map(Number);
  const [ty, tm] = today.split('-').map(Number);
  let months = (ty - dy) * 12 + (tm - dm);
  if (addMonths(dueOn, months) > today) months--;
  if (months === 0) return plural(days, 'day');
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return [years && plural(years, 'year'), rest && plural(rest, 'month')].filter(Boolean).join(', ');
}

/** The page's address with this area and page (and format), leaving out the defaults. */
export function reviewHref(area: string | undefined, page = 1, format?: 'csv'): string {
  return hrefWith('/retention-review', { area, page: page === 1 ? undefined : page, format });
}

/** MoJ pagination through the records due: numbers around the current page, the first and last, ellipses between. */
export function pagination(area: string | undefined, due: { total: number; page: number; pageSize: number }) {
  const pages = Math.max(1, Math.ceil(due.total / due.pageSize));
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - due.page) <= 1) items.push({ number: n, href: reviewHref(area, n), current: n === due.page });
    else if (!('ellipsis' in (items.at(-1) ?? {}))) items.push({ ellipsis: true });
  }
  return {
    items,
    previous: due.page > 1 && due.page <= pages ? { href: reviewHref(area, due.page - 1) } : undefined,
    next: due.page < pages ? { href: reviewHref(area, due.page + 1) } : undefined,
    from: due.total === 0 ? 0 : Math.min(due.total, (due.page - 1) * due.pageSize + 1),
    to: Math.min(due.total, due.page * due.pageSize),
  };
}
