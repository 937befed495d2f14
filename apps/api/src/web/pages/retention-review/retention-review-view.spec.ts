import { overdueFor, pagination } from './retention-review-view';

describe('The retention review page', () => {
  it('says how long a review has been due in years, months or days', () => {
    expect(overdueFor('2026-11-20', '2026-11-20')).toBe('Due today');
    expect(overdueFor('2026-11-19', '2026-11-20')).toBe('1 day');
    expect(overdueFor('2026-10-21', '2026-11-20')).toBe('30 days');
    expect(overdueFor('2026-10-20', '2026-11-20')).toBe('1 month');
    expect(overdueFor('2025-11-20', '2026-11-20')).toBe('1 year');
    expect(overdueFor('2023-03-31', '2026-11-20')).toBe('3 years, 7 months');
    expect(overdueFor('2024-01-31', '2026-02-28')).toBe('2 years, 1 month');
  });

  it('pages the records due, keeping the area in every link', () => {
    const pages = pagination('durham', { total: 60, page: 2, pageSize: 25 });
    expect(pages.items).toEqual([
      { number: 1, href: '/retention-review?area=durham', current: false },
      { number: 2, href: '/retention-review?area=durham&page=2', current: true },
      { number: 3, href: '/retention-review?area=durham&page=3', current: false },
    ]);
    expect(pages).toMatchObject({ previous: { href: '/retention-review?area=durham' }, next: { href: '/retention-review?area=durham&page=3' }, from: 26, to: 50 });
  });
});
