import { loadConfig } from '@ppo/config';
import { openEventStore, verifyLog } from '@ppo/event-store';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';

/** `ppo verify`: re-checks the event log's hashes, chains and seals; exits 1 at the first break, naming it. */
export function verifyCommand(): Command {
  return new Command('verify')
    .description('Re-check every event’s hash, every stream’s chain and every seal of the event log; exit code 1 if anything was altered, removed or reordered')
    .action(async () => {
      const events = openEventStore(loadConfig().eventStore);
      try {
        const head = await events.headPosition();
        const bar = new SingleBar({
          format: 'verify [{bar}] {percentage}% | {value}/{total} events | ETA {eta_formatted}',
          noTTYOutput: true,
          notTTYSchedule: 2000,
          stream: process.stderr,
          hideCursor: true,
        });
        bar.start(head, 0);
        const started = performance.now();
        const report = await verifyLog(events, { onProgress: (position) => bar.update(Math.min(position, head)) });
        if (report.ok) bar.update(head);
        bar.stop();
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        if (report.ok) {
          console.log(`Verified ${report.events.toLocaleString('en-GB')} events in ${report.streams.toLocaleString('en-GB')} streams and ${report.seals} seals in ${seconds} s: intact (sealed to position ${report.sealedTo.toLocaleString('en-GB')})`);
        } else {
          const b = report.firstBreak!;
          console.log(`BROKEN at position ${b.position}, stream ${b.streamId}${b.version ? ` version ${b.version}` : ''}: ${b.problem}`);
          process.exitCode = 1;
        }
      } finally {
        await events.close();
      }
    });
}
