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
    convictions: 'json',
    harm_indicators: 'json',
    restricted: 'boolean',
    version: 'integer',
    state: 'json',
  },
  indexes: ['status', 'area', 'latest_fact_on'],
};

/** eligibility: the evidence for selecting registered offenders who are not on the scheme. */
export const eligibilityProjection: Projection<EligibilityRow> = {
  name: 'eligibility',
  version: 3,
  table: ELIGIBILITY_TABLE,
  keyOf: (e) => e.offenderId,
  evolve(row, e) {
    const state = evolveCompact(row?.state, e.event, ['contacts', 'arrests', 'lapses', 'fastTracks', 'needs', 'interventions', 'communityOrders']);
    const status = offenderStatus(state);
    if (status === 'unregistered' || !state.personal) return undefined;
    const dates = [...state.convictions.map((c) => c.convictionDate), ...state.harmIndicators.map((h) => h.recordedOn)];
    return {
      offender_id: e.offenderId,
      crn: state.personal.crn,
      given_name: state.personal.givenName,
      family_name: state.personal.familyName,
      area: state.area!,
      status,
      latest_fact_on: dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null,
      convictions: state.convictions,
      harm_indicators: state.harmIndicators,
      restricted: !!state.restriction,
      version: e.version,
      state,
    };
  },
};
