import { addMonths, INTENSITIES, STRANDS, type IsoDate } from '@ppo/domain';
import type { SchemeMonth } from '@ppo/read-models';

import { MONTHS, monthName } from '../../shared/format';

/**
 * Reads a month typed in a box: `2026-07`, `July 2026`, `jul 2026`, `7/2026`
 * or `7 2026`. Gives `YYYY-MM`, or undefined when it is not a month.
 */
export function parseMonth(text: string): string | undefined {
  const value = text.trim().toLowerCase();
  let year: number;
  let month: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})$/.exec(value))) [year, month] = [Number(match[1]), Number(match[2])];
  else if ((match = /^(\d{1,2})\s*[/\s]\s*(\d{4})$/.exec(value))) [month, year] = [Number(match[1]), Number(match[2])];
  else if ((match = /^([a-z]+)\.?\s+(\d{4})$/.exec(value))) {
    const word = match[1];
    month = MONTHS.findIndex((m) => word.length >= 3 && m.toLowerCase().startsWith(word)) + 1;
    year = Number(match[2]);
  } else return undefined;
  if (month < 1 || month > 12 || year < 1900 || year > 2999) return undefined;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The months from `from` to `to` inclusive, stopping at the month of `today`. */
export function monthsBetween(from: string, to: string, today: IsoDate): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && m <= today.slice(0, 7); m = addMonths(`${m}-01`, 1).slice(0, 7)) out.push(m);
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The scheme dashboard's figures, with the report's areas added together month by month. */
export interface DashboardFigures {
  months: { month: string; label: string; adoptions: number; deselections: number; lapses: number; fastTracks: number; attended: number; required: number; compliance: number | null; lapseToFastTrack: number; meanDays: number | null }[];
  /** The last month of the range: the cohort stands as it did at its end (or today, for this month). */
  cohort: { month: string; label: string; total: number; inCustody: number; byStrand: { key: string; value: number }[]; byIntensity: { key: string; value: number }[] } | undefined;
  /** Offenders adopted in the range whose window after adoption has passed: offences before and after. */
  offending: { offenders: number; before: number; after: number; reductionPercent: number | null; windowMonths: number };
}

/** Adds up the report's per-area months into one figure per month, and the cohort and offending for the range. */
export function dashboardFigures(report: SchemeMonth[], months: string[], windowMonths = 12): DashboardFigures {
  const rows = months.map((month) => {
    const of = report.filter((m) => m.month === month);
    const sum = (pick: (m: SchemeMonth) => number) => of.reduce((total, m) => total + pick(m), 0);
    const attended = sum((m) => m.contactCompliance.attended);
    const required = round1(sum((m) => m.contactCompliance.required));
    const lapseToFastTrack = sum((m) => m.lapseToFastTrack.count);
    const lapseDays = sum((m) => (m.lapseToFastTrack.meanDays ?? 0) * m.lapseToFastTrack.count);
    return {
      month,
      label: monthName(month),
      adoptions: sum((m) => m.adoptions),
      deselections: sum((m) => m.deselections),
      lapses: sum((m) => m.lapses),
      fastTracks: sum((m) => m.fastTracks),
      attended,
      required,
      compliance: required > 0 ? round1((attended / required) * 100) : null,
      lapseToFastTrack,
      meanDays: lapseToFastTrack ? round1(lapseDays / lapseToFastTrack) : null,
    };
  });
  const last = months.at(-1);
  const atLast = report.filter((m) => m.month === last);
  const count = (keys: readonly string[], pick: (m: SchemeMonth) => Record<string, number>) =>
    keys.map((key) => ({ key, value: atLast.reduce((total, m) => total + (pick(m)[key] ?? 0), 0) }));
  const before = report.reduce((t, m) => t + m.offending.before, 0);
  const after = report.reduce((t, m) => t + m.offending.after, 0);
  return {
    months: rows,
    cohort: last
      ? {
          month: last,
          label: monthName(last),
          total: atLast.reduce((t, m) => t + m.cohort.total, 0),
          inCustody: atLast.reduce((t, m) => t + m.cohort.inCustody, 0),
          byStrand: count(STRANDS, (m) => m.cohort.byStrand),
          byIntensity: count(INTENSITIES, (m) => m.cohort.byIntensity),
        }
      : undefined,
    offending: {
      offenders: report.reduce((t, m) => t + m.offending.offenders, 0),
      before,
      after,
      reductionPercent: before > 0 ? round1(((before - after) / before) * 100) : null,
      windowMonths,
    },
  };
}
