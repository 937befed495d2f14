import { addDays, addMonths, ageOn, daysBetween, latest, mondayOf } from './dates';

describe('calendar arithmetic', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-05-31', 1, '2025-06-30'],
    ['2025-11-15', 3, '2026-02-15'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2026-06-15', 0, '2026-06-15'],
  ])('%s plus %d months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-06-15', -28, '2026-05-18'],
  ])('%s plus %d days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('counts whole days between dates, negative backwards, across a leap day and a clock change', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-06-15', '2026-05-18')).toBe(-28);
    expect(daysBetween('2025-06-15', '2026-06-15')).toBe(365);
  });

  it('a person is a year older on their birthday, not the day before', () => {
    expect(ageOn('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
    expect(ageOn('2008-06-15', '2026-05-20')).toBe(17);
    expect(ageOn('2008-06-15', '2026-07-01')).toBe(18);
  });

  it('someone born on 29 February comes of age on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('a baby born today is nought', () => {
    expect(ageOn('2026-06-15', '2026-06-15')).toBe(0);
  });

  it('the latest of some optional dates ignores the missing ones', () => {
    expect(latest('2026-01-12', undefined, '2026-03-01', '2025-12-31')).toBe('2026-03-01');
    expect(latest(undefined, '2026-01-12')).toBe('2026-01-12');
    expect(latest(undefined)).toBeUndefined();
    expect(latest()).toBeUndefined();
  });

  it('finds the Monday a week starts on, across a month end', () => {
    expect(mondayOf('2026-11-20')).toBe('2026-11-16');
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    expect(mondayOf('2026-03-01')).toBe('2026-02-23');
  });
});
