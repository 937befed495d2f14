import { addDays, addMonths, type IsoDate } from '@ppo/domain';
import { isLevel, SCHEME_TOTALS_TABLE, type SchemeTotalsRow } from '../../projections/scheme-totals/scheme-totals';
import type { ReadModelStore } from '../../store/read-model-store.port';
import type { Condition } from '../../store/table-spec';
import type { CsvSpec } from '../../http/csv-export';

/** One area's figures for one month. */
export interface SchemeMonth {
  area: string;
  month: string;
  /** Offenders on the scheme at the end of the month (or today, for the current month). */
  cohort: { total: number; inCustody: number; byStrand: Record<string, number>; byIntensity: Record<string, number> };
  adoptions: number;
  deselections: number;
  lapses: number;
  fastTracks: number;
  /** Attended contacts against those required at each offender's frequency, day by day. */
  contactCompliance: { attended: number; required: number; percent: number | null };
  /** Fast-tracks this month that followed a recorded lapse, and the mean days between the two. */
  lapseToFastTrack: { count: number; meanDays: number | null };
  /**
   * Offenders adopted this month whose first window on the scheme has fully passed: arrests and
   * convictions in the window before adoption against the same window after, and the percentage reduction.
   */
  offending: { offenders: number; before: number; after: number; reductionPercent: number | null; windowMonths: number };
}

export interface SchemeSummaryOptions {
  /** Only these areas; undefined for every area. */
  areas?: string[];
  /** First month, YYYY-MM. */
  from: string;
  /** Last month, YYYY-MM. */
  to: string;
  today: IsoDate;
  /** The before-and-after window for offending, in months (12 by default). */
  offendingWindowMonths?: number;
}

/** The last day of a month (YYYY-MM). */
export const lastDayOf = (month: string): IsoDate => addDays(addMonths(`${month}-01`, 1), -1);

/** The months from `from` to `to` (YYYY-MM), in order. */
export function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(`${m}-01`, 1).slice(0, 7)) out.push(m);
  return out;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

export function emptyMonth(area: string, month: string, windowMonths: number): SchemeMonth {
  return {
    area,
    month,
    cohort: { total: 0, inCustody: 0, byStrand: {}, byIntensity: {} },
    adoptions: 0,
    deselections: 0,
    lapses: 0,
    fastTracks: 0,
    contactCompliance: { attended: 0, required: 0, percent: null },
    lapseToFastTrack: { count: 0, meanDays: null },
    offending: { offenders: 0, before: 0, after: 0, reductionPercent: null, windowMonths },
  };
}

type Sums = Record<string, number>;

/** An area's totals rows: offenders, and per month its counts and level changes, by day and offending pairs. */
interface AreaTotals {
  offenders: number;
  net: Map<string, Sums>;
  days: Map<string, Sums>;
  offending: Map<string, Sums>;
}

/** Adds a month's net level changes to the running levels. */
function addLevels(levels: Sums, sums: Sums): void {
  for (const [name, value] of Object.entries(sums)) if (isLevel(name)) levels[name] = (levels[name] ?? 0) + value;
}

/** Level changes by day of the month: `DD name` → [[name, change]] per day. */
function changesByDay(days: Sums | undefined): Map<number, [string, number][]> {
  const byDay = new Map<number, [string, number][]>();
  for (const [key, value] of Object.entries(days ?? {})) {
    const name = key.slice(3);
    if (!isLevel(name)) continue;
    const day = Number(key.slice(0, 2));
    byDay.set(day, [...(byDay.get(day) ?? []), [name, value]]);
  }
  return byDay;
}

/**
 * The cohort on `endDay` and contacts required from the 1st to it (times seven, in whole contacts, the sum over
 * days of the offenders at each rate times that rate), from the levels on the eve of the month and its daily changes.
 */
function monthLevels(opening: Sums, days: Sums | undefined, endDay: number): { levels: Sums; requiredTimes7: number } {
  const levels = { ...opening };
  const byDay = changesByDay(days);
  let requiredTimes7 = 0;
  for (let day = 1; day <= endDay; day++) {
    for (const [name, change] of byDay.get(day) ?? []) levels[name] = (levels[name] ?? 0) + change;
    for (const [name, offenders] of Object.entries(levels)) if (name.startsWith('rate:')) requiredTimes7 += Number(name.slice(5)) * offenders;
  }
  return { levels, requiredTimes7 };
}

const levelCounts = (levels: Sums, prefix: string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(levels)) if (name.startsWith(prefix) && value !== 0) out[name.slice(prefix.length)] = value;
  return out;
};

/** Offenders adopted in `month` whose after-window has passed by today, and their offending either side of adoption. */
function offendingIn(month: string, totals: AreaTotals, window: number, today: IsoDate): { offenders: number; before: number; after: number } {
  const result = { offenders: 0, before: 0, after: 0 };
  const windows = new Map<string, { on: IsoDate; beforeStarts: IsoDate; afterEnds: IsoDate } | null>();
  const windowOf = (day: string) => {
    if (!windows.has(day)) {
      const on = `${month}-${day}`;
      const afterEnds = addMonths(on, window);
      windows.set(day, afterEnds > today ? null : { on, beforeStarts: addMonths(on, -window), afterEnds });
    }
    return windows.get(day);
  };
  for (const [key, adopted] of Object.entries(totals.days.get(month) ?? {})) {
    if (key.slice(3) === 'adoptions' && windowOf(key.slice(0, 2))) result.offenders += adopted;
  }
  for (const [key, pairs] of Object.entries(totals.offending.get(month) ?? {})) {
    const w = windowOf(key.slice(0, 2));
    const offence = key.slice(3);
    if (!w) continue;
    if (offence >= w.beforeStarts && offence < w.on) result.before += pairs;
    else if (offence >= w.on && offence < w.afterEnds) result.after += pairs;
  }
  return result;
}

async function areaTotals(store: ReadModelStore, options: SchemeSummaryOptions): Promise<Map<string, AreaTotals>> {
  const byArea: Condition[] = options.areas ? [{ column: 'area', op: 'in', value: options.areas }] : [];
  const select = async (where: Condition[]) => (await store.select(SCHEME_TOTALS_TABLE, { where: [...byArea, ...where] })).rows as SchemeTotalsRow[];
  const [levels, details] = await Promise.all([
    select([{ column: 'kind', op: 'in', value: ['area', 'net'] }, { column: 'month', op: '<=', value: options.to }]),
    select([{ column: 'kind', op: 'in', value: ['days', 'offending'] }, { column: 'month', op: '>=', value: options.from }, { column: 'month', op: '<=', value: options.to }]),
  ]);
  const areas = new Map<string, AreaTotals>();
  for (const row of [...levels, ...details]) {
    let totals = areas.get(row.area);
    if (!totals) areas.set(row.area, (totals = { offenders: 0, net: new Map(), days: new Map(), offending: new Map() }));
    if (row.kind === 'area') totals.offenders = row.sums.offenders ?? 0;
    else totals[row.kind].set(row.month, row.sums);
  }
  return areas;
}

/**
 * The scheme dashboard's figures per area and month, from scheme_totals: each area's level changes are summed up to the
 * eve of `from`, then walked day by day through each month, so the answer reads a few rows per area and month
 * whatever the number of offenders.
 */
export async function schemeSummaryReport(store: ReadModelStore, options: SchemeSummaryOptions): Promise<{ months: SchemeMonth[]; asOf: IsoDate }> {
  const { from, to, today } = options;
  const window = options.offendingWindowMonths ?? 12;
  const result: SchemeMonth[] = [];
  for (const [area, totals] of await areaTotals(store, options)) {
    if (totals.offenders <= 0) continue;
    const opening: Sums = {};
    for (const [month, sums] of totals.net) if (month < from) addLevels(opening, sums);
    for (const month of months(from, to)) {
      const net = totals.net.get(month) ?? {};
      const m = emptyMonth(area, month, window);
      const lapseDays = net.lapseDays ?? 0;
      m.adoptions = net.adoptions ?? 0;
      m.deselections = net.deselections ?? 0;
      m.lapses = net.lapses ?? 0;
      m.fastTracks = net.fastTracks ?? 0;
      m.lapseToFastTrack.count = net.lapsesFastTracked ?? 0;
      m.offending = { ...m.offending, ...offendingIn(month, totals, window, today) };
      const first = `${month}-01`;
      if (first <= today) {
        const end = lastDayOf(month) < today ? lastDayOf(month) : today;
        const { levels, requiredTimes7 } = monthLevels(opening, totals.days.get(month), Number(end.slice(8, 10)));
        m.cohort = { total: levels.cohort ?? 0, inCustody: levels.custody ?? 0, byStrand: levelCounts(levels, 'strand:'), byIntensity: levelCounts(levels, 'intensity:') };
        m.contactCompliance.required = requiredTimes7 / 7;
        m.contactCompliance.attended = net.attended ?? 0;
      }
      addLevels(opening, net);
      // A month not yet begun is listed only for what is dated in it.
      if (first > today && m.adoptions + m.deselections + m.lapses + m.fastTracks === 0) continue;
      const required = round1(m.contactCompliance.required);
      result.push({
        ...m,
        contactCompliance: { attended: m.contactCompliance.attended, required, percent: required > 0 ? round1((m.contactCompliance.attended / required) * 100) : null },
        lapseToFastTrack: { count: m.lapseToFastTrack.count, meanDays: m.lapseToFastTrack.count ? round1(lapseDays / m.lapseToFastTrack.count) : null },
        offending: { ...m.offending, reductionPercent: m.offending.before > 0 ? round1(((m.offending.before - m.offending.after) / m.offending.before) * 100) : null },
      });
    }
  }
  result.sort((a, b) => a.area.localeCompare(b.area) || a.month.localeCompare(b.month));
  return { months: result, asOf: today };
}

/** The report as GET answers it. */
export type SchemeSummary = { months: SchemeMonth[]; asOf: string };

/** The report as CSV (`?format=csv`), for the API and the pages alike. */
export const SCHEME_SUMMARY_CSV: CsvSpec<SchemeSummary> = {
  filename: 'scheme-summary.csv',
  columns: ['area', 'month', 'cohort', 'inCustody', 'preventAndDeter', 'catchAndConvict', 'rehabilitateAndResettle', 'intensive', 'high', 'medium', 'standard', 'low', 'adoptions', 'deselections', 'lapses', 'fastTracks', 'contactsAttended', 'contactsRequired', 'compliancePercent', 'meanDaysLapseToFastTrack', 'offendingCohort', 'offendingBefore', 'offendingAfter', 'offendingReductionPercent'],
  toRows: ({ months }) =>
    months.map((m) => ({
      area: m.area,
      month: m.month,
      cohort: m.cohort.total,
      inCustody: m.cohort.inCustody,
      preventAndDeter: m.cohort.byStrand['prevent-and-deter'] ?? 0,
      catchAndConvict: m.cohort.byStrand['catch-and-convict'] ?? 0,
      rehabilitateAndResettle: m.cohort.byStrand['rehabilitate-and-resettle'] ?? 0,
      intensive: m.cohort.byIntensity.intensive ?? 0,
      high: m.cohort.byIntensity.high ?? 0,
      medium: m.cohort.byIntensity.medium ?? 0,
      standard: m.cohort.byIntensity.standard ?? 0,
      low: m.cohort.byIntensity.low ?? 0,
      adoptions: m.adoptions,
      deselections: m.deselections,
      lapses: m.lapses,
      fastTracks: m.fastTracks,
      contactsAttended: m.contactCompliance.attended,
      contactsRequired: m.contactCompliance.required,
      compliancePercent: m.contactCompliance.percent,
      meanDaysLapseToFastTrack: m.lapseToFastTrack.meanDays,
      offendingCohort: m.offending.offenders,
      offendingBefore: m.offending.before,
      offendingAfter: m.offending.after,
      offendingReductionPercent: m.offending.reductionPercent,
    })),
};
