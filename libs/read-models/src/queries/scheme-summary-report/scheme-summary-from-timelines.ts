import { addMonths, daysBetween, type IsoDate } from '@ppo/domain';
import { contactsRequiredBetween } from '../../projections/offender-journey/journey-figures';
import type { SchemeStanding, SchemeTimelineRow } from '../../projections/scheme-timeline/scheme-timeline.projection';
import { emptyMonth, lastDayOf, months, round1, type SchemeMonth, type SchemeSummaryOptions } from './scheme-summary-report';

/*
 * The report worked out the long way, offender by offender and month by month, from every scheme_timeline row:
 * how it was computed before scheme_totals, kept for tests to hold the fast report to.
 */

function standingOn(standings: SchemeStanding[], date: IsoDate): SchemeStanding | undefined {
  let found: SchemeStanding | undefined;
  for (const s of standings) {
    if (s.from > date) break;
    found = s;
  }
  return found;
}

/** The scheme dashboard's figures from every offender's timeline row (already filtered to the areas asked for). */
export function schemeSummaryFromTimelines(rows: SchemeTimelineRow[], options: SchemeSummaryOptions): { months: SchemeMonth[]; asOf: IsoDate } {
  const { from, to, today } = options;
  const window = options.offendingWindowMonths ?? 12;
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
