import { daysBetween } from '@ppo/domain';
import type { ProjectionTotals, TotalsShare } from '../../projection';
import type { TableSpec } from '../../store/table-spec';
import type { SchemeStanding, SchemeTimelineRow } from '../scheme-timeline/scheme-timeline.projection';

/**
 * What a totals row holds: `area` the offenders with a timeline in the area (month empty); `net` a month's
 * counts and the month's net change of each level; `days` the same level changes and adoptions by day of
 * the month (`DD name`); `offending` pairs of adoption day and offending date (`DD YYYY-MM-DD`), counted.
 */
export type SchemeTotalsKind = 'area' | 'net' | 'days' | 'offending';

/** A row of scheme_totals. */
export interface SchemeTotalsRow {
  [column: string]: unknown;
  key: string;
  area: string;
  month: string;
  kind: SchemeTotalsKind;
  sums: Record<string, number>;
}

/**
 * scheme_totals: the scheme dashboard's figures summed over every offender, per area and month, kept by the
 * scheme_timeline projection in step with its rows. Levels (on the scheme, in custody, per strand, per
 * intensity, and offenders at each contacts-a-week rate) are stored as changes on the day they happen, so a
 * level on any date is the sum of the changes up to it.
 */
export const SCHEME_TOTALS_TABLE: TableSpec = {
  name: 'scheme_totals',
  key: 'key',
  columns: { key: 'text', area: 'text', month: 'text', kind: 'text', sums: 'json' },
  indexes: ['area'],
};

/** The level names: the cohort, those of it in custody, per strand, per intensity, and offenders at each rate (`rate:<contacts a week>`). */
export const isLevel = (name: string): boolean => name === 'cohort' || name === 'custody' || name.includes(':');

function levelsOf(standing: SchemeStanding): Record<string, number> {
  const levels: Record<string, number> = {};
  if (standing.onScheme) {
    levels.cohort = 1;
    if (standing.inCustody) levels.custody = 1;
    if (standing.strand) levels[`strand:${standing.strand}`] = 1;
    if (standing.intensity) levels[`intensity:${standing.intensity}`] = 1;
  }
  // Counted per rate, in whole offenders, so sums taken away and added back leave no rounding behind.
  if (standing.contactsPerWeek !== 0) levels[`rate:${standing.contactsPerWeek}`] = 1;
  return levels;
}

/** One offender's timeline as its shares of scheme_totals. */
export function schemeTotalsOf(row: SchemeTimelineRow): Map<string, TotalsShare> {
  const { area } = row;
  const shares = new Map<string, TotalsShare>();
  const add = (kind: SchemeTotalsKind, month: string, name: string, by: number) => {
    if (by === 0) return;
    const key = kind === 'area' ? area : `${area}|${month}|${kind}`;
    let share = shares.get(key);
    if (!share) shares.set(key, (share = { columns: { area, month, kind }, sums: {} }));
    share.sums[name] = (share.sums[name] ?? 0) + by;
  };
  add('area', '', 'offenders', 1);

  let previous: Record<string, number> = {};
  for (const standing of row.standings) {
    const levels = levelsOf(standing);
    const month = standing.from.slice(0, 7);
    const day = standing.from.slice(8, 10);
    for (const name of new Set([...Object.keys(previous), ...Object.keys(levels)])) {
      const change = (levels[name] ?? 0) - (previous[name] ?? 0);
      add('net', month, name, change);
      add('days', month, `${day} ${name}`, change);
    }
    previous = levels;
  }
  for (const on of row.adoptions) {
    const month = on.slice(0, 7);
    const day = on.slice(8, 10);
    add('net', month, 'adoptions', 1);
    add('days', month, `${day} adoptions`, 1);
    for (const offence of row.offending) add('offending', month, `${day} ${offence}`, 1);
  }
  for (const on of row.deselections) add('net', on.slice(0, 7), 'deselections', 1);
  for (const lapse of row.lapses) add('net', lapse.on.slice(0, 7), 'lapses', 1);
  for (const fastTrack of row.fast_tracks) {
    const month = fastTrack.on.slice(0, 7);
    add('net', month, 'fastTracks', 1);
    if (fastTrack.lapseOn) {
      add('net', month, 'lapsesFastTracked', 1);
      add('net', month, 'lapseDays', daysBetween(fastTrack.lapseOn, fastTrack.on));
    }
  }
  for (const [month, counts] of Object.entries(row.contacts)) add('net', month, 'attended', counts.attended);

  for (const [key, share] of shares) {
    for (const [name, value] of Object.entries(share.sums)) if (value === 0) delete share.sums[name];
    if (Object.keys(share.sums).length === 0) shares.delete(key);
  }
  return shares;
}

/** The totals the scheme_timeline projection keeps. */
export const schemeTotals: ProjectionTotals<SchemeTimelineRow> = { table: SCHEME_TOTALS_TABLE, sharesOf: schemeTotalsOf };
