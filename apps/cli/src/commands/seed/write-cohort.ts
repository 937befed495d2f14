import { daysBetween, DomainError, type IsoDate, type SchemePolicies } from '@ppo/domain';
import type { Actor, EventStore } from '@ppo/event-store';
import { fixedClock, OffenderCommandMessage, OffenderCommandRunner } from '@ppo/offenders';
import { randomUUID } from 'node:crypto';
import type { CohortPlan, PlannedOffender, PlannedStep } from './plan-cohort';

/** Who the seeded events say caused them: the seeding tool, never a person. */
export const SEED_ACTOR: Actor = { userId: 'seed', username: 'seed', role: 'system', roles: ['system'] };

/** A seeded command as it travels to the runner (the runner needs the offender, the body and the context). */
class SeedCommand extends OffenderCommandMessage<object> {}

export interface WriteProgress {
  commands: number;
  events: number;
  totalCommands: number;
}

export interface WriteResult {
  commands: number;
  events: number;
  /** Commands the service refused (0 unless the store already held something the plan did not expect). */
  refused: { offenderId: string; type: string; code: string }[];
  seconds: number;
}

/**
 * Writes a planned cohort through the command side: every step goes through
 * the OffenderCommandRunner (read the stream, fold, decide with the policies in
 * force, append at the version read), so every event is one the service would
 * have written, and the read models follow from the log as usual.
 *
 * Steps are written a week at a time, every offender's week at once (each
 * offender's steps in order), so the log runs roughly in date order as it
 * would have been recorded, and appends share group commits. Large cohorts go
 * in batches of offenders, each batch from its first week to its last.
 */
export async function writeCohort(
  store: EventStore,
  plan: CohortPlan,
  options: {
    policies: SchemePolicies;
    timeZone?: string;
    correlationId?: string;
    /** Offenders written together, week by week (default 500). */
    batchSize?: number;
    onProgress?: (progress: WriteProgress) => void;
  },
): Promise<WriteResult> {
  // The runner keeps each offender folded (its OffenderCache), so a step reads only the stream's tail.
  const runner = new OffenderCommandRunner(store, fixedClock(`${plan.today}T12:00:00Z`, options.timeZone), options.policies);
  const correlationId = options.correlationId ?? `seed-${plan.seed}`;
  const totalCommands = plan.offenders.reduce((n, o) => n + o.steps.length, 0);
  const batchSize = options.batchSize ?? 500;
  const result: WriteResult = { commands: 0, events: 0, refused: [], seconds: 0 };
  const started = performance.now();

  const runOffenderWeek = async ({ offender, steps }: OffenderWeek) => {
    for (const { command } of steps) {
      const context = { actor: { ...SEED_ACTOR, area: offender.area }, correlationId, commandId: randomUUID() };
      try {
        const outcome = await runner.run(new SeedCommand(offender.offenderId, command.data, context), () => command);
        result.events += outcome.events.length;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.refused.push({ offenderId: offender.offenderId, type: command.type, code: error.code });
      }
      result.commands++;
      options.onProgress?.({ commands: result.commands, events: result.events, totalCommands });
    }
  };

  for (let from = 0; from < plan.offenders.length; from += batchSize) {
    const batch = plan.offenders.slice(from, from + batchSize);
    const weeks = byWeek(batch);
    for (const week of [...weeks.keys()].sort((a, b) => a - b)) {
      await Promise.all(weeks.get(week)!.map(runOffenderWeek));
    }
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

interface OffenderWeek {
  offender: PlannedOffender;
  steps: PlannedStep[];
}

/** Each offender's steps cut into weeks (numbered from the cohort's first day), in order. */
function byWeek(offenders: PlannedOffender[]): Map<number, OffenderWeek[]> {
  const firstDay = offenders.reduce<IsoDate | undefined>((min, o) => (o.steps[0] && (!min || o.steps[0].on < min) ? o.steps[0].on : min), undefined);
  const weeks = new Map<number, OffenderWeek[]>();
  for (const offender of offenders) {
    let current: OffenderWeek | undefined;
    let currentWeek = -1;
    for (const step of offender.steps) {
      const week = Math.floor(daysBetween(firstDay!, step.on) / 7);
      if (week !== currentWeek) {
        current = { offender, steps: [] };
        currentWeek = week;
        if (!weeks.has(week)) weeks.set(week, []);
        weeks.get(week)!.push(current);
      }
      current!.steps.push(step);
    }
  }
  return weeks;
}
