import { intensityLevel, occurredOn, type Intensity, type OffenderState, type Strand } from '@ppo/domain';
import type { Projection } from '../../projection';
import type { TableSpec } from '../../store/table-spec';
import { evolveCompact } from '../shared/compact-offender-state';
import { schemeTotals } from '../scheme-totals/scheme-totals';

/** How an offender stood with the scheme from a date on, as the scheme dashboard counts it. */
export interface SchemeStanding {
  from: string;
  onScheme: boolean;
  inCustody: boolean;
  strand: Strand | null;
  intensity: Intensity | null;
  contactsPerWeek: number;
}

/**
 * One row per offender: the dated facts the scheme dashboard aggregates per
 * area and month. Everything is dated by when it happened (occurredAt), so a
 * late entry lands in the month it belongs to.
 */
export interface SchemeTimelineRow {
  [column: string]: unknown;
  offender_id: string;
  area: string;
  /** Standing changes, oldest first. */
  standings: SchemeStanding[];
  adoptions: string[];
  deselections: string[];
  lapses: { lapseId: string; on: string }[];
  fast_tracks: { on: string; lapseOn: string | null }[];
  /** Attended and required-but-missed contacts per month (YYYY-MM). */
  contacts: Record<string, { attended: number; unacceptable: number }>;
  /** Dates of arrests and convictions, for offending before and after adoption. */
  offending: string[];
  state: OffenderState;
}

export const SCHEME_TIMELINE_TABLE: TableSpec = {
  name: 'scheme_timeline',
  key: 'offender_id',
  columns: {
    offender_id: 'text',
    area: 'text',
    standings: 'json',
    adoptions: 'json',
    deselections: 'json',
    lapses: 'json',
    fast_tracks: 'json',
    contacts: 'json',
    offending: 'json',
    state: 'json',
  },
  indexes: ['area'],
};

function standingOf(state: OffenderState, from: string): SchemeStanding {
  return {
    from,
    onScheme: state.onScheme,
    inCustody: state.onScheme && !!state.custody,
    strand: state.onScheme ? (state.strands.current ?? null) : null,
    intensity: state.onScheme ? intensityLevel(state.contactsPerWeek, !!state.custody) : null,
    contactsPerWeek: state.onScheme && !state.custody ? state.contactsPerWeek : 0,
  };
}

const sameStanding = (a: SchemeStanding, b: SchemeStanding) =>
  a.onScheme === b.onScheme && a.inCustody === b.inCustody && a.strand === b.strand && a.intensity === b.intensity && a.contactsPerWeek === b.contactsPerWeek;

/** Inserts a dated entry keeping the list in date order (a late entry goes where it belongs). */
function insertByDate<T>(list: T[], item: T, dateOf: (t: T) => string): T[] {
  const at = list.findIndex((x) => dateOf(x) > dateOf(item));
  return at === -1 ? [...list, item] : [...list.slice(0, at), item, ...list.slice(at)];
}

/** scheme_timeline: per offender, the dated facts behind the scheme dashboard, and their totals per area and month (scheme_totals). */
export const schemeTimelineProjection: Projection<SchemeTimelineRow> = {
  name: 'scheme_timeline',
  version: 4,
  table: SCHEME_TIMELINE_TABLE,
  totals: schemeTotals,
  keyOf: (e) => e.offenderId,
  evolve(row, e) {
    const state = evolveCompact(row?.state, e.event, [
      'contacts',
      'convictions',
      'arrests',
      'harmIndicators',
      'lapses',
      'fastTracks',
      'needs',
      'interventions',
      'communityOrders',
    ]);
    if (!state.registered || !state.area) return undefined;
    const on = occurredOn(e.event);
    const base: SchemeTimelineRow = row ?? {
      offender_id: e.offenderId,
      area: state.area,
      standings: [],
      adoptions: [],
      deselections: [],
      lapses: [],
      fast_tracks: [],
      contacts: {},
      offending: [],
      state,
    };
    const next: SchemeTimelineRow = { ...base, state };
    // Only an event that changes how the offender stands (adoption, custody, a new frequency...) dates a new standing:
    // a registration entered today for someone adopted in July must not read as "off the scheme" from today.
    const standing = standingOf(state, on);
    if (row && !sameStanding(standingOf(row.state, on), standing)) next.standings = insertByDate(base.standings, standing, (s) => s.from);

    const { event } = e;
    switch (event.type) {
      case 'OffenderAdopted':
        next.adoptions = insertByDate(base.adoptions, on, (d) => d);
        break;
      case 'OffenderDeselected':
        next.deselections = insertByDate(base.deselections, on, (d) => d);
        break;
      case 'LapseOccurred':
        next.lapses = insertByDate(base.lapses, { lapseId: event.data.lapseId, on }, (l) => l.on);
        break;
      case 'FastTrackedToCourt': {
        const lapse = event.data.lapseId ? base.lapses.find((l) => l.lapseId === event.data.lapseId) : undefined;
        next.fast_tracks = insertByDate(base.fast_tracks, { on, lapseOn: lapse?.on ?? null }, (f) => f.on);
        break;
      }
      case 'ContactRecorded': {
        const month = on.slice(0, 7);
        const counts = base.contacts[month] ?? { attended: 0, unacceptable: 0 };
        next.contacts = {
          ...base.contacts,
          [month]: {
            attended: counts.attended + (event.data.outcome === 'attended' ? 1 : 0),
            unacceptable: counts.unacceptable + (event.data.outcome === 'unacceptable-absence' ? 1 : 0),
          },
        };
        break;
      }
      case 'ArrestRecorded':
      case 'ConvictionRecorded':
        next.offending = insertByDate(base.offending, on, (d) => d);
        break;
      default:
        break;
    }
    return next;
  },
};
