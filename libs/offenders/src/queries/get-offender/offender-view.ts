import type { IsoDate, OffenderSummary, PersonalDetails } from '@ppo/domain';

/** The current state of an offender as the API returns it. */
export interface OffenderView extends OffenderSummary {
  offenderId: string;
  /** The stream version this view was folded from: send it back in If-Match. */
  version: number;
  /** The date the time-based values (eligibility, escalation) were worked out for. */
  asOf: IsoDate;
  area: string;
  registeredOn: IsoDate;
  personal: PersonalDetails;
  team: { probationOfficer: string; policeOfficer: string; assignedOn: IsoDate } | null;
  adoptedOn: IsoDate | null;
  needs: string[];
  openInterventions: { interventionId: string; name: string; startedOn: IsoDate }[];
  /** Set while processing of the record is restricted (only auditors and the DPO see such a record). */
  restriction: { reason: string; since: IsoDate } | null;
}
