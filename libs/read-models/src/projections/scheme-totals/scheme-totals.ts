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

type Shares = Map<string, TotalsShare>;
type Add = (kind: SchemeTotalsKind, month: string, name: string, by: number) => void;

/** Shares built by `fill` for one area, with zero sums and empty shares left out. */
function sharesFor(area: string, fill: (add: Add) => void): Shares {
  const shares: Shares = new Map();
  fill((kind, month, name, by) => {
    if (by === 0) return;
    const key = kind === 'area' ? area : `${area}|${month}|${kind}`;
    let share = shares.get(key);
    if (!share) shares.set(key, (share = { columns: { area, month, kind }, sums: {} }));
    share.sums[name] = (share.sums[name] ?? 0) + by;
  });
  for (const [key, share] of shares) {
    for (const [name, value] of Object.entries(share.sums)) if (value === 0) delete share.sums[name];
    if (Object.keys(share.sums).length === 0) shares.delete(key);
  }
  return shares;
}

function standingsShares(area: string, standings: SchemeStanding[]): Shares {
  return sharesFor(area, (add) => {
    let previous: Record<string, number> = {};
    for (const standing of standings) {
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
  });
}

function adoptionsShares(area: string, { adoptions, offending }: SchemeTimelineRow): Shares {
  return sharesFor(area, (add) => {
    for (const on of adoptions) {
      const month = on.slice(0, 7);
      const day = on.slice(8, 10);
      add('net', month, 'adoptions', 1);
      add('days', month, `${day} adoptions`, 1);
      for (const offence of offending) add('offending', month, `${day} ${offence}`, 1);
    }
  });
}

function eventsShares(area: string, { deselections, lapses, fast_tracks }: SchemeTimelineRow): Shares {
  return sharesFor(area, (add) => {
    for (const on of deselections) add('net', on.slice(0, 7), 'deselections', 1);
    for (const lapse of lapses) add('net', lapse.on.slice(0, 7), 'lapses', 1);
    for (const fastTrack of fast_tracks) {
      const month = fastTrack.on.slice(0, 7);
      add('net', month, 'fastTracks', 1);
      if (fastTrack.lapseOn) {
        add('net', month, 'lapsesFastTracked', 1);
        add('net', month, 'lapseDays', daysBetween(fastTrack.lapseOn, fastTrack.on));
      }
    }
  });
}

/** Attended contacts' shares, one object per area, month and count: a month a contact left alone keeps its share, which the runner then skips. */
const attendedShares = new Map<string, { key: string; share: TotalsShare }>();

/** Contacts' shares; given the previous contacts and their shares, only months whose counts changed (evolve replaces just those) are looked up again. */
function contactsShares(area: string, contacts: SchemeTimelineRow['contacts'], previous?: { contacts: SchemeTimelineRow['contacts']; shares: Shares }): Shares {
  const shares: Shares = previous ? new Map(previous.shares) : new Map();
  // A refolded row (after a correction) may have lost a month.
  if (previous) for (const month in previous.contacts) if (!(month in contacts)) shares.delete(`${area}|${month}|net`);
  for (const month in contacts) {
    if (previous && previous.contacts[month] === contacts[month]) continue;
    const { attended } = contacts[month];
    if (previous) shares.delete(`${area}|${month}|net`);
    if (attended === 0) continue;
    const id = `${area}|${month}|${attended}`;
    let interned = attendedShares.get(id);
    if (!interned) attendedShares.set(id, (interned = { key: `${area}|${month}|net`, share: { columns: { area, month, kind: 'net' }, sums: { attended } } }));
    shares.set(interned.key, interned.share);
  }
  return shares;
}

const offenderShares = new Map<string, Shares>();

/**
 * One offender's timeline as its shares of scheme_totals, in parts: the offender, standings, adoptions (with
 * offending), other events, contacts. A part whose fields are the previous value's (evolve keeps a field it
 * does not change) is the previous part, so an event recomputes only what it touched.
 */
export function schemeTotalsOf(row: SchemeTimelineRow, previous?: { row: SchemeTimelineRow; shares: Shares[] }): Shares[] {
  const { area } = row;
  const before = previous && previous.row.area === area ? previous.row : undefined;
  const parts = before ? previous!.shares : [];
  let offender = offenderShares.get(area);
  if (!offender) offenderShares.set(area, (offender = sharesFor(area, (add) => add('area', '', 'offenders', 1))));
  return [
    offender,
    before?.standings === row.standings ? parts[1] : standingsShares(area, row.standings),
    before?.adoptions === row.adoptions && before.offending === row.offending ? parts[2] : adoptionsShares(area, row),
    before?.deselections === row.deselections && before.lapses === row.lapses && before.fast_tracks === row.fast_tracks ? parts[3] : eventsShares(area, row),
    before?.contacts === row.contacts ? parts[4] : contactsShares(area, row.contacts, before && { contacts: before.contacts, shares: parts[4] }),
  ];
}

/** The totals the scheme_timeline projection keeps. */
export const schemeTotals: ProjectionTotals<SchemeTimelineRow> = { table: SCHEME_TOTALS_TABLE, sharesOf: schemeTotalsOf };
