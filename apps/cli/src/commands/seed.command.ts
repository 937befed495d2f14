import { loadConfig } from '@ppo/config';
import { openProtectedEventStore } from '@ppo/personal-data';
import { systemClock } from '@ppo/offenders';
import { Command, InvalidArgumentError } from 'commander';
import { randomInt } from 'node:crypto';
import { describeSeed, seedCohort } from './seed/seed-cohort';

const whole = (name: string, min: number, max: number) => (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new InvalidArgumentError(`${name} is a whole number from ${min} to ${max}`);
  return Number(value);
};

/** `ppo seed`: a synthetic cohort written through the command side, for demonstrations, trials and benchmarks. */
export function seedCommand(): Command {
  return new Command('seed')
    .description(
      'Write a realistic synthetic cohort through the command side (every command decided by the domain, as the service would): ' +
        'registrations, convictions and arrests, adoption at 4 contacts a week, teams, contacts and attendance, reductions, lapses, ' +
        'fast-tracks and court outcomes, custody and release, reviews and deselection with exit plans, over several years up to today. ' +
        'Refuses a store that already has events unless --force. Never run it against live data.',
    )
    .option('--offenders <n>', 'how many offenders', whole('--offenders', 1, 1_000_000), 200)
    .option('--seed <n>', 'the same seed (with the same --today and policies) writes the same cohort; default: a random one, printed', whole('--seed', 0, 2 ** 32 - 1))
    .option('--today <date>', 'the cohort’s last day (default: today in PPO_TIMEZONE); nothing is dated after it', (value: string) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('--today is a date, YYYY-MM-DD');
      return value;
    })
    .option('--years <n>', 'how far back the earliest registration may go', whole('--years', 1, 20), 4)
    .option('--force', 'add a cohort to a store that already holds events (a different --seed each time)')
    .action(async (options: { offenders: number; seed?: number; today?: string; years: number; force?: boolean }) => {
      const config = loadConfig();
      const realToday = systemClock(config.timeZone).today();
      const today = options.today ?? realToday;
      if (today > realToday) throw new Error(`--today (${today}) is after today (${realToday}): events cannot be dated in the future`);
      const events = openProtectedEventStore(config.eventStore, config.personalData);
      try {
        const summary = await seedCohort(events, {
          seed: options.seed ?? randomInt(0, 2 ** 31),
          offenders: options.offenders,
          today,
          years: options.years,
          policies: config.policies,
          timeZone: config.timeZone,
          force: options.force,
          progress: true,
        });
        console.log(describeSeed(summary));
        if (summary.refused.length > 0) {
          for (const r of summary.refused.slice(0, 5)) console.error(`  refused: ${r.type} for offender ${r.offenderId}: ${r.code}`);
          process.exitCode = 1;
        }
      } finally {
        await events.close();
      }
    });
}
