import { offenderStreamId, type IsoDate, type SchemePolicies } from '@ppo/domain';
import type { EventStore } from '@ppo/event-store';
import { SingleBar } from 'cli-progress';
import { planCohort, type CohortFigures } from './plan-cohort';
import { SEED_AREAS } from './synthetic-people';
import { writeCohort, type WriteResult } from './write-cohort';

export interface SeedOptions {
  seed: number;
  offenders: number;
  today: IsoDate;
  policies: SchemePolicies;
  timeZone: string;
  years?: number;
  /** Add a cohort to a store that already holds events. */
  force?: boolean;
  /** Show a progress bar (on standard error). */
  progress?: boolean;
}

export interface SeedSummary extends WriteResult {
  seed: number;
  today: IsoDate;
  figures: CohortFigures;
}

/** Refused to seed: the store is not empty, or already holds this seed's cohort. */
export class SeedRefused extends Error {}

const number = (n: number) => Math.round(n).toLocaleString('en-GB');

/**
 * Plans a synthetic cohort and writes it through the command side, with a
 * progress bar if asked. Refuses a store that already has events unless forced,
 * and a store that already holds this seed's cohort even then.
 */
export async function seedCohort(store: EventStore, options: SeedOptions): Promise<SeedSummary> {
  const head = await store.headPosition();
  if (head > 0 && !options.force) {
    throw new SeedRefused(`the event store already holds ${number(head)} events; seeding would mix a synthetic cohort into them (--force adds one anyway: never on live data)`);
  }
  const plan = planCohort({ seed: options.seed, offenders: options.offenders, today: options.today, policies: options.policies, years: options.years });
  if (head > 0 && plan.offenders.length > 0 && (await store.readStream(offenderStreamId(plan.offenders[0].offenderId), { from: 1, to: 1 })).length > 0) {
    throw new SeedRefused(`the cohort of seed ${options.seed} is already in this store; choose another --seed`);
  }

  const bar = options.progress
    ? new SingleBar({
        format: 'seed [{bar}] {percentage}% | {value}/{total} commands | {events} events | {rate} events/s | ETA {eta_formatted}',
        noTTYOutput: true,
        notTTYSchedule: 2000,
        etaBuffer: 50,
        stream: process.stderr,
        hideCursor: true,
      })
    : undefined;
  const started = performance.now();
  bar?.start(plan.figures.commands, 0, { events: 0, rate: 0 });
  let lastDrawn = 0;
  const result = await writeCohort(store, plan, {
    policies: options.policies,
    timeZone: options.timeZone,
    onProgress: ({ commands, events, totalCommands }) => {
      if (!bar || (commands - lastDrawn < 200 && commands < totalCommands)) return;
      lastDrawn = commands;
      bar.update(commands, { events: number(events), rate: number(events / ((performance.now() - started) / 1000)) });
    },
  });
  bar?.stop();
  return { ...result, seed: plan.seed, today: plan.today, figures: plan.figures };
}

/** The one-line summary printed at the end. */
export function describeSeed(summary: SeedSummary): string {
  const { figures: f, seconds } = summary;
  return (
    `Seeded ${number(f.offenders)} offenders (--seed ${summary.seed} --today ${summary.today}) in ${SEED_AREAS.map((a) => a.code).join(', ')}: ` +
    `${number(summary.events)} events from ${number(summary.commands)} commands in ${seconds.toFixed(1)} s (${number(summary.events / Math.max(seconds, 0.001))} events/s); ` +
    `${number(f.adopted)} adoptions, ${number(f.contacts)} contacts, ${number(f.lapses)} lapses, ${number(f.fastTracks)} fast-tracks, ${number(f.custodySentences)} custodial sentences, ` +
    `${number(f.reductions)} reductions, ${number(f.deselected)} deselections; now ${f.today.onScheme} on the scheme, ${f.today.inCustody} in custody, ` +
    `${f.today.deselected} deselected, ${f.today.registered} registered only; ${summary.refused.length} refused`
  );
}
