import { loadConfig } from '@ppo/config';
import type { EventStore } from '@ppo/event-store';
import { openProtectedEventStore } from '@ppo/personal-data';
import { ALL_PROJECTIONS, openReadModelStore, rebuildProjection, type ReadModelStore } from '@ppo/read-models';
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';

async function withStores<T>(work: (events: EventStore, store: ReadModelStore) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const events = openProtectedEventStore(config.eventStore, config.personalData);
  const store = openReadModelStore(config.readModels);
  try {
    return await work(events, store);
  } finally {
    await store.close();
    await events.close();
  }
}

const number = (n: number) => Math.round(n).toLocaleString('en-GB');

/** `ppo projections status|rebuild`. */
export function projectionsCommand(): Command {
  const command = new Command('projections').description('Read models: where each stands, and rebuilding one');

  command
    .command('status')
    .description('Each projection: checkpoint, lag behind the log, and any failure')
    .action(async () => {
      await withStores(async (events, store) => {
        const head = await events.headPosition();
        const checkpoints = new Map((await store.checkpoints()).map((c) => [c.projection, c]));
        console.log(`Log head: ${number(head)}`);
        for (const { name } of ALL_PROJECTIONS) {
          const c = checkpoints.get(name);
          const state = c?.failure ? `FAILED at event ${c.failure.eventId} (position ${number(c.failure.position)}): ${c.failure.error.split('\n')[0]}` : c ? 'ok' : 'not started';
          console.log(`${name.padEnd(18)} checkpoint ${number(c?.position ?? 0).padStart(12)}  lag ${number(head - (c?.position ?? 0)).padStart(12)}  ${state}`);
        }
      });
    });

  command
    .command('rebuild')
    .description(
      'Rebuild a projection from position 0 into a shadow copy, compare it with the live one and swap it in. ' +
        'Run it while no other process runs the projections (the service stopped, or PPO_PROJECTIONS=off); ' +
        'a running service rebuilds through POST /api/projections/:name/rebuild.',
    )
    .argument('<name>', `one of ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`, (name: string) => {
      if (!ALL_PROJECTIONS.some((p) => p.name === name)) {
        throw new InvalidArgumentError(`no projection is called "${name}"; known: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`);
      }
      return name;
    })
    .action(async (name: string) => {
      const projection = ALL_PROJECTIONS.find((p) => p.name === name)!;
      await withStores(async (events, store) => {
        const bar = new SingleBar({
          format: `${name} [{bar}] {percentage}% | {value}/{total} events | {rate}/s | ETA {eta_formatted}`,
          noTTYOutput: true,
          notTTYSchedule: 2000,
          etaBuffer: 20,
        });
        const started = performance.now();
        bar.start(await events.headPosition(), 0, { rate: 0 });
        const report = await rebuildProjection(events, store, projection, {
          onProgress: (position, head) => {
            bar.setTotal(head);
            bar.update(position, { rate: number(position / ((performance.now() - started) / 1000)) });
          },
        });
        bar.stop();
        const { onlyLive, onlyRebuilt, changed } = report.differences;
        console.log(
          `Rebuilt ${name}: ${number(report.rows)} rows at position ${number(report.position)} in ${report.seconds.toFixed(1)} s ` +
            `(${number(report.position / report.seconds)} events/s); differences from the live copy: ${onlyLive} only live, ${onlyRebuilt} only rebuilt, ${changed} changed` +
            (report.differences.sampleKeys.length ? ` (e.g. ${report.differences.sampleKeys.slice(0, 3).join(', ')})` : ''),
        );
      });
    });
  return command;
}
