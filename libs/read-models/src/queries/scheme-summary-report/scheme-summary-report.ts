import { addDays, addMonths, daysBetween, type IsoDate } from '@ppo/domain';
import { contactsRequiredBetween } from '../../projections/offender-journey/journey-figures';
import { SCHEME_TIMELINE_TABLE, type SchemeStanding, type SchemeTimelineRow } from '../../projections/scheme-timeline/scheme-timeline.projection';
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

const lastDayOf = (month: string): IsoDate => addDays(addMonths(`${month}-01`, 1), -1);

function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(`${m}-01`, 1).slice(0, 7)) out.push(m);
  return out;
}

function standingOn(standings: SchemeStanding[], date: IsoDate): SchemeStanding | undefined {
  let found: SchemeStanding | undefined;
  for (const s of standings) {
    if (s.from > date) break;
    found = s;
  }
  return found;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function emptyMonth(area: string, month: string, windowMonths: number): SchemeMonth {
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

/** The scheme dashboard's figures per area and month, worked out from each offender's dated timeline. */
export async function schemeSummaryReport(store: ReadModelStore, options: SchemeSummaryOptions): Promise<{ months: SchemeMonth[]; asOf: IsoDate }> {
  const { from, to, today } = options;
  const window = options.offendingWindowMonths ?? 12;
  const where: Condition[] = options.areas ? [{ column: 'area', op: 'in', value: options.areas }] : [];
  const rows = (await store.select(SCHEME_TIMELINE_TABLE, { where })).rows as SchemeTimelineRow[];
  const figures = new Map<string, SchemeMonth & { lapseDays: number }>();
  const at = (area: string, month: string) => {
    const key = `${area}\n${month}`;
    let m = figures.get(key);
    if (!m) figures.set(key, (m = { ...emptyMonth(area, month, window), lapseDays: 0 }));
    return m;
  };
  const inRange = (date: string) => date.slice(0, 7) >= from && date.slice(0, 7) <= to;

  for (const row of rows) {
    for (const month of months(from, to)) {
      const first = `${month}-01`;
      if (first > today) break;
      const end = lastDayOf(month) < today ? lastDayOf(month) : today;
      const m = at(row.area, month);
      const standing = standingOn(row.standings, end);
      if (standing?.onScheme) {
        m.cohort.total++;
        if (standing.inCustody) m.cohort.inCustody++;
        if (standing.strand) m.cohort.byStrand[standing.strand] = (m.cohort.byStrand[standing.strand] ?? 0) + 1;
        if (standing.intensity) m.cohort.byIntensity[standing.intensity] = (m.cohort.byIntensity[standing.intensity] ?? 0) + 1;
      }
      m.contactCompliance.required += contactsRequiredBetween(row.standings, first, end);
      m.contactCompliance.attended += row.contacts[month]?.attended ?? 0;
    }
    for (const date of row.adoptions.filter(inRange)) {
      const m = at(row.area, date.slice(0, 7));
      m.adoptions++;
      const afterEnds = addMonths(date, window);
      if (afterEnds > today) continue;
      const beforeStarts = addMonths(date, -window);
      m.offending.offenders++;
      m.offending.before += row.offending.filter((d) => d >= beforeStarts && d < date).length;
      m.offending.after += row.offending.filter((d) => d >= date && d < afterEnds).length;
    }
    for (const date of row.deselections.filter(inRange)) at(row.area, date.slice(0, 7)).deselections++;
    for (const lapse of row.lapses.filter((l) => inRange(l.on))) at(row.area, lapse.on.slice(0, 7)).lapses++;
    for (const fastTrack of row.fast_tracks.filter((f) => inRange(f.on))) {
      const m = at(row.area, fastTrack.on.slice(0, 7));
      m.fastTracks++;
      if (fastTrack.lapseOn) {
        m.lapseToFastTrack.count++;
        m.lapseDays += daysBetween(fastTrack.lapseOn, fastTrack.on);
      }
    }
  }

  const result = [...figures.values()].map(({ lapseDays, ...m }) => {
    const required = round1(m.contactCompliance.required);
    return {
      ...m,
      contactCompliance: { attended: m.contactCompliance.attended, required, percent: required > 0 ? round1((m.contactCompliance.attended / required) * 100) : null },
      lapseToFastTrack: { count: m.lapseToFastTrack.count, meanDays: m.lapseToFastTrack.count ? round1(lapseDays / m.lapseToFastTrack.count) : null },
      offending: {
        ...m.offending,
        reductionPercent: m.offending.before > 0 ? round1(((m.offending.before - m.offending.after) / m.offending.before) * 100) : null,
      },
    };
  });
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
