import type { OffenderState } from '../offender/offender.state';
import { offenderStatus } from '../offender/offender.state';
import type { SchemePolicy } from '../policy/scheme-policy';
import { addDays, type IsoDate } from '../shared/dates';
import type { OffenderStatus } from '../shared/vocabulary';
import type { StrandState } from './current-strand';
import { assessEligibility, type Eligibility } from './eligibility';
import { supervisionIntensity, type SupervisionIntensity } from './supervision-intensity';

/** The derived picture of one offender on a date: what a case worker, the API and projections show. */
export interface OffenderSummary {
  status: OffenderStatus;
  strands: StrandState;
  contactsPerWeek: number;
  intensity: SupervisionIntensity | null;
  eligibility: Eligibility;
  /** True when a custodial sentence at or over the policy's length should prompt deselection. */
  deselectionPrompted: boolean;
  lastContactOn?: IsoDate;
  lastLapseOn?: IsoDate;
  lapsesInLast90Days: number;
  fastTracks: number;
  nextReviewDue?: IsoDate;
  /** The end date of the latest open community order. */
  orderEndsOn?: IsoDate;
}

/** Summarises a registered offender's state as it stands on `asOf`, under the area's policy. */
export function summariseOffender(state: OffenderState, asOf: IsoDate, policy: SchemePolicy): OffenderSummary {
  const status = offenderStatus(state);
  if (status === 'unregistered') throw new Error('Cannot summarise an unregistered offender');
  const lapseDates = state.lapses.map((l) => l.occurredOn).sort();
  const lastLapseOn = lapseDates.at(-1);
  const openOrders = Object.values(state.communityOrders).filter((o) => !o.endedOn);
  return {
    status,
    strands: state.strands,
    contactsPerWeek: state.contactsPerWeek,
    intensity: state.onScheme
      ? supervisionIntensity({ contactsPerWeek: state.contactsPerWeek, inCustody: !!state.custody, lastLapseOn }, asOf, policy.escalationDays)
      : null,
    eligibility: assessEligibility(state, asOf, policy.eligibility),
    deselectionPrompted:
      state.onScheme && (state.custody?.sentenceMonths ?? 0) >= policy.custodyDeselectionMonths,
    lastContactOn: state.contacts.map((c) => c.contactOn).sort().at(-1),
    lastLapseOn,
    lapsesInLast90Days: lapseDates.filter((d) => d > addDays(asOf, -90) && d <= asOf).length,
    fastTracks: state.fastTracks.length,
    nextReviewDue: state.nextReviewDue,
    orderEndsOn: openOrders.map((o) => o.endsOn).sort().at(-1),
  };
}
