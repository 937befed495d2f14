import { Command, InvalidArgumentError } from 'commander';

const whole = (name: string, min: number, max: number) => (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new InvalidArgumentError(`${name} is a whole number from ${min} to ${max}`);
  return Number(value);
};

/** `ppo demo` (`npm run demo`): the service on a fresh, seeded embedded store, with demo accounts. */
export function demoCommand(): Command {
  return new Command('demo')
    .description(
      'Start the service on a fresh embedded store (emptied at every start) seeded with a synthetic cohort, with demo accounts ' +
        '(a caseworker and a supervisor in Northumbria, an auditor, an analyst and an admin) whose new random passwords it prints',
    )
    .option('--dir <path>', 'where the demo keeps its files', './data/demo')
    .option('--offenders <n>', 'size of the demo cohort', whole('--offenders', 1, 100_000), 150)
    .option('--seed <n>', 'which cohort', whole('--seed', 0, 2 ** 32 - 1), 2026)
    .option('--years <n>', 'how far back the cohort goes', whole('--years', 1, 20), 3)
    .action(async (options: { dir: string; offenders: number; seed: number; years: number }) => {
      // Loaded here, not at the top: the other commands should not pay for starting Nest.
      const { runDemo } = require('./demo/run-demo') as typeof import('./demo/run-demo');
      await runDemo(options);
    });
}
