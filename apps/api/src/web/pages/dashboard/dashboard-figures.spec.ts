import type { SchemeMonth } from '@ppo/read-models';
import { barChart } from './bar-chart';
import { monthName } from '../../shared/format';
import { dashboardFigures, monthsBetween, parseMonth } from './dashboard-figures';

function month(area: string, m: string, figures: Partial<SchemeMonth> = {}): SchemeMonth {
  return {
    area,
    month: m,
    cohort: { total: 0, inCustody: 0, byStrand: {}, byIntensity: {} },
    adoptions: 0,
    deselections: 0,
    lapses: 0,
    fastTracks: 0,
    contactCompliance: { attended: 0, required: 0, percent: null },
    lapseToFastTrack: { count: 0, meanDays: null },
    offending: { offenders: 0, before: 0, after: 0, reductionPercent: null, windowMonths: 12 },
    ...figures,
  };
}

describe('The scheme dashboard’s figures', () => {
  it('reads a month however a case worker is likely to type it', () => {
    for (const typed of ['2026-07', 'July 2026', 'jul 2026', 'Jul. 2026', '7/2026', '07 2026']) expect(parseMonth(typed)).toBe('2026-07');
    for (const typed of ['Smarch 2026', '2026-13', '13/2026', 'ju 2026', '2026', '']) expect(parseMonth(typed)).toBeUndefined();
    expect(monthName('2026-07')).toBe('July 2026');
    expect(monthsBetween('2026-10', '2027-02', '2026-12-05')).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('adds areas together: counts summed, compliance and mean days worked out again from the sums, offending reduction over the range', () => {
    const figures = dashboardFigures(
      [
        month('cumbria', '2025-05', {
          adoptions: 1,
          contactCompliance: { attended: 10, required: 20, percent: 50 },
          lapseToFastTrack: { count: 1, meanDays: 4 },
          offending: { offenders: 1, before: 4, after: 4, reductionPercent: 0, windowMonths: 12 },
          cohort: { total: 1, inCustody: 0, byStrand: { 'catch-and-convict': 1 }, byIntensity: { intensive: 1 } },
        }),
        month('northumbria', '2025-05', {
          adoptions: 5,
          contactCompliance: { attended: 30, required: 20, percent: 150 },
          lapseToFastTrack: { count: 3, meanDays: 8 },
          offending: { offenders: 5, before: 50, after: 19, reductionPercent: 62, windowMonths: 12 },
          cohort: { total: 5, inCustody: 1, byStrand: { 'rehabilitate-and-resettle': 4, 'catch-and-convict': 1 }, byIntensity: { intensive: 4, custody: 1 } },
        }),
      ],
      ['2025-05'],
    );
    expect(figures.months).toEqual([
      expect.objectContaining({ month: '2025-05', label: 'May 2025', adoptions: 6, attended: 40, required: 40, compliance: 100, lapseToFastTrack: 4, meanDays: 7 }),
    ]);
    expect(figures.cohort).toMatchObject({ total: 6, inCustody: 1 });
    expect(figures.cohort!.byStrand).toEqual([
      { key: 'prevent-and-deter', value: 0 },
      { key: 'catch-and-convict', value: 2 },
      { key: 'rehabilitate-and-resettle', value: 4 },
    ]);
    expect(figures.offending).toEqual({ offenders: 6, before: 54, after: 23, reductionPercent: 57.4, windowMonths: 12 });
  });

  it('draws bars in proportion, with every value written beside its bar and in the chart’s description', () => {
    const chart = barChart({
      id: 'c',
      title: 'Lapses',
      series: ['lapses', 'fast-tracks'],
      groups: [
        { label: 'May 2025', values: [4, 2] },
        { label: 'June 2025', values: [0, null] },
      ],
    });
    expect(chart.bars.map((b) => b.width)).toEqual([250, 125, 0, 0]);
    expect(chart.bars.map((b) => b.text)).toEqual(['4 lapses', '2 fast-tracks', '0 lapses', 'no figure for fast-tracks']);
    expect(chart.description).toBe('May 2025: 4 lapses, 2 fast-tracks; June 2025: 0 lapses, no figure for fast-tracks.');
    expect(chart.labels.map((l) => l.text)).toEqual(['May 2025', 'June 2025']);
  });
});
