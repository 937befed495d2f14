import { offenderStatus, type OffenderState } from '@ppo/domain';
import type { Projection } from '../../projection';
import type { TableSpec } from '../../store/table-spec';
import { evolveCompact } from '../shared/compact-offender-state';

/**
 * One row per registered offender with the facts eligibility is assessed on.
 * Eligibility itself depends on today (convictions leave the window as time
 * passes), so it is assessed when the report is read, with the domain's own function.
 */
export interface EligibilityRow {
  [column: string]: unknown;
  offender_id: string;
  crn: string;
  given_name: string;
  family_name: string;
  area: string;
  status: string;
  /** The newest conviction or harm indicator: rows with nothing in any window are skipped on read. */
  latest_fact_on: string | null;
  /**
   * The second and third newest conviction or harm indicator: where an area's policy needs several facts in its window
   * to reach its threshold, rows with too few are skipped on read.
   */
  second_latest_fact_on: string | null;
  third_latest_fact_on: string | null;
  /**
   * The newest facts, at most RECENT_FACTS, newest first, each its day, `c` or `h` (conviction or harm indicator)
   * and its offence or indicator ("2026-05-10 c burglary,2026-04-02 h gang-leadership"): the report bounds a score
   * from these before it reads the full evidence. Short, so an index can carry it.
   */
  recent_facts: string;
  convictions: OffenderState['convictions'];
  harm_indicators: OffenderState['harmIndicators'];
  /** Processing restricted: hidden from all but auditors and the DPO. */
  restricted: boolean;
  version: number;
  state: OffenderState;
}

export const ELIGIBILITY_TABLE: TableSpec = {
  name: 'eligibility',
  key: 'offender_id',
  columns: {
    offender_id: 'text',
    crn: 'text',
    given_name: 'text',
    family_name: 'text',
    area: 'text',
    status: 'text',
    latest_fact_on: 'text',
    second_latest_fact_on: 'text',
    third_latest_fact_on: 'text',
    recent_facts: 'text',
    convictions: 'json',
    harm_indicators: 'json',
    restricted: 'boolean',
    version: 'integer',
    state: 'json',
  },
  indexes: [
    // The eligibility report: those with recent facts, and what bounds their score (the evidence, long, is read by key).
    {
      name: 'candidates',
      columns: ['restricted', 'status', 'latest_fact_on'],
      include: ['second_latest_fact_on', 'third_latest_fact_on', 'area', 'recent_facts', 'offender_id'],
    },
  ],
};

/** How many of the newest facts a row keeps in recent_facts. */
export const RECENT_FACTS = 8;

/** eligibility: the evidence for selecting registered offenders who are not on the scheme. */
export const eligibilityProjection: Projection<EligibilityRow> = {
  name: 'eligibility',
  version: 4,
  table: ELIGIBILITY_TABLE,
  keyOf: (e) => e.offenderId,
  evolve(row, e) {
    const state = evolveCompact(row?.state, e.event, ['contacts', 'arrests', 'lapses', 'fastTracks', 'needs', 'interventions', 'communityOrders']);
    const status = offenderStatus(state);
    if (status === 'unregistered' || !state.personal) return undefined;
    const facts = [
      ...state.convictions.map((c) => ({ on: c.convictionDate, fact: `c ${c.offence}` })),
      ...state.harmIndicators.map((h) => ({ on: h.recordedOn, fact: `h ${h.indicator}` })),
    ].sort((a, b) => (a.on > b.on ? -1 : a.on < b.on ? 1 : 0));
    return {
      offender_id: e.offenderId,
      crn: state.personal.crn,
      given_name: state.personal.givenName,
      family_name: state.personal.familyName,
      area: state.area!,
      status,
      latest_fact_on: facts[0]?.on ?? null,
      second_latest_fact_on: facts[1]?.on ?? null,
      third_latest_fact_on: facts[2]?.on ?? null,
      recent_facts: facts
        .slice(0, RECENT_FACTS)
        .map((f) => `${f.on} ${f.fact}`)
        .join(','),
      convictions: state.convictions,
      harm_indicators: state.harmIndicators,
      restricted: !!state.restriction,
      version: e.version,
      state,
    };
  },
};
