import type { OffenderEvent } from '../offender/offender.events';
import type { Strand } from '../shared/vocabulary';

/** The strands an offender is on: all active ones, and the one they are mainly managed under now. */
export interface StrandState {
  active: Strand[];
  current?: Strand;
}

export const NO_STRANDS: StrandState = { active: [] };

function makeCurrent(state: StrandState, strand: Strand): StrandState {
  return { active: state.active.includes(strand) ? state.active : [...state.active, strand], current: strand };
}

/**
 * How an event moves the strands. Catch and Convict and Rehabilitate and
 * Resettle run in parallel, and the one that dominates follows behaviour: a
 * fast-track or custody makes Catch and Convict current; a court outcome that
 * keeps the offender in the community, or release, returns them to
 * Rehabilitate and Resettle unless the case worker chose otherwise.
 */
export function nextStrands(state: StrandState, event: OffenderEvent): StrandState {
  switch (event.type) {
    case 'OffenderAdopted':
      return { active: [event.data.strand], current: event.data.strand };
    case 'FastTrackedToCourt':
    case 'CustodyStarted':
      return makeCurrent(state, 'catch-and-convict');
    case 'CourtOutcomeRecorded':
      if (event.data.outcome === 'custody') return makeCurrent(state, 'catch-and-convict');
      return makeCurrent(state, event.data.currentStrand ?? 'rehabilitate-and-resettle');
    case 'ReleasedFromCustody':
      return makeCurrent(state, event.data.currentStrand ?? 'rehabilitate-and-resettle');
    case 'StrandChanged': {
      const { strand, change } = event.data;
      if (change === 'ended') {
        const active = state.active.filter((s) => s !== strand);
        return { active, current: state.current === strand ? active[0] : state.current };
      }
      if (change === 'made-current') return makeCurrent(state, strand);
      return { active: state.active.includes(strand) ? state.active : [...state.active, strand], current: state.current ?? strand };
    }
    case 'OffenderDeselected':
      return NO_STRANDS;
    default:
      return state;
  }
}
