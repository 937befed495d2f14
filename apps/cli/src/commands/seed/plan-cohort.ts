import { offenderStatus, type IsoDate, type OffenderCommand, type SchemePolicies } from '@ppo/domain';
import { Journey } from './journey-simulation';
import { Random } from './random';

export interface CohortOptions {
  /** Same seed, same size, same today and same policies: the same cohort, command for command. */
  seed: number;
  offenders: number;
  /** The last day of the cohort's history; nothing is dated after it. */
  today: IsoDate;
  policies: SchemePolicies;
  /** How far back the earliest registration may go (default 4). */
  years?: number;
}

/** A command as a case worker would have recorded it, on the day they recorded it. */
export interface PlannedStep {
  on: IsoDate;
  command: OffenderCommand;
}

export interface PlannedOffender {
  offenderId: string;
  area: string;
  steps: PlannedStep[];
}

/** What a cohort holds, counted while planning it. */
export interface CohortFigures {
  offenders: number;
  commands: number;
  registered: number;
  adopted: number;
  contacts: number;
  lapses: number;
  fastTracks: number;
  custodySentences: number;
  remands: number;
  releases: number;
  reductions: number;
  reviews: number;
  deselected: number;
  /** Where the cohort stands on its last day, by the domain's status (in custody: on the scheme and in custody). */
  today: { registered: number; onScheme: number; inCustody: number; deselected: number };
  /**
   * Commands the planner drew but the domain refused while planning (so they are
   * not in the plan). Always 0 with the default policies; a policy file can make a
   * planned step impossible (a higher minimum contact, say), and it is left out.
   */
  skipped: number;
}

export interface CohortPlan {
  seed: number;
  today: IsoDate;
  offenders: PlannedOffender[];
  figures: CohortFigures;
}

/**
 * Plans a synthetic cohort: each offender's journey from registration to
 * `today`, as the commands case workers would have recorded. Every command is
 * decided by the domain's own decider against the offender's state as it
 * stands, so the plan holds only commands the service accepts; writing it
 * through the command side (write-cohort.ts) decides each one again.
 */
export function planCohort(options: CohortOptions): CohortPlan {
  const { seed, offenders, today, policies } = options;
  const years = options.years ?? 4;
  const figures: CohortFigures = {
    offenders,
    commands: 0,
    registered: 0,
    adopted: 0,
    contacts: 0,
    lapses: 0,
    fastTracks: 0,
    custodySentences: 0,
    remands: 0,
    releases: 0,
    reductions: 0,
    reviews: 0,
    deselected: 0,
    today: { registered: 0, onScheme: 0, inCustody: 0, deselected: 0 },
    skipped: 0,
  };
  const planned: PlannedOffender[] = [];
  for (let index = 0; index < offenders; index++) {
    const journey = new Journey(Random.forMember(seed, index), today, years, policies, figures);
    journey.plan();
    planned.push({ offenderId: journey.offenderId, area: journey.area.code, steps: journey.steps });
    figures.commands += journey.steps.length;
    const status = offenderStatus(journey.state);
    if (status === 'in-custody') figures.today.inCustody++;
    else if (status === 'on-scheme') figures.today.onScheme++;
    else if (status === 'deselected') figures.today.deselected++;
    else if (status === 'registered') figures.today.registered++;
  }
  return { seed, today, offenders: planned, figures };
}
