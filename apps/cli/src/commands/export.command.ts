import { loadConfig } from '@ppo/config';
import { openEventStore, type EventStore } from '@ppo/event-store';
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { link, open, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** What an export wrote. */
export interface LogExport {
  events: number;
  bytes: number;
  /** The last global position written: where the next export continues (`--after`). */
  lastPosition: number;
}

const BATCH = 1000;

/**
 * Writes the global log after `after`, up to the head as it stood when the export began (a
 * consistent point to continue from), to an open file: one stored event per line, its JSON as
 * the store hands it over, hashes included, so every line can be checked against its hash.
 */
export async function writeLogAsNdjson(
  events: EventStore,
  write: (chunk: string) => Promise<void>,
  options: { after: number; head: number; onBatch?: (written: LogExport) => void },
): Promise<LogExport> {
  const written: LogExport = { events: 0, bytes: 0, lastPosition: options.after };
  while (written.lastPosition < options.head) {
    const batch = (await events.readAll({ after: written.lastPosition, limit: BATCH })).filter((e) => e.globalPosition <= options.head);
    if (batch.length === 0) break;
    const chunk = batch.map((e) => `${JSON.stringify(e)}\n`).join('');
    await write(chunk);
    written.events += batch.length;
    written.bytes += Buffer.byteLength(chunk);
    written.lastPosition = batch.at(-1)!.globalPosition;
    options.onBatch?.({ ...written });
  }
  return written;
}

const number = (n: number) => Math.round(n).toLocaleString('en-GB');

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

const position = (value: string) => {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError('--after is a global position, a whole number (0 or more)');
  return Number(value);
};

/** `ppo export`: the global event log as NDJSON, for backups that can be verified. */
export function exportCommand(): Command {
  return new Command('export')
    .description(
      'Write the global event log to a file as NDJSON, one stored event per line exactly as stored (hashes included, nothing decrypted), ' +
        'up to the head of the log when the export starts; --after continues a previous export. Refuses to overwrite a file unless --force.',
    )
    .requiredOption('--out <file>', 'the file to write (created readable by its owner only)')
    .option('--after <position>', 'only events after this global position (the last position of a previous export)', position, 0)
    .option('--force', 'overwrite the file if it exists')
    .action(async (options: { out: string; after: number; force?: boolean }) => {
      const out = resolve(options.out);
      if (existsSync(out) && !options.force) throw new Error(`${options.out} already exists; give --force to overwrite it`);
      if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new Error(`there is no directory ${dirname(options.out)} to write ${options.out} in`);

      // The store as opened here, never a decrypting view of it: a backup holds events exactly as stored.
      const events = openEventStore(loadConfig().eventStore);
      // Written beside the target and moved into place once complete, so a file of that name is never a cut-off export.
      const partial = `${out}.${process.pid}.partial`;
      try {
        const head = await events.headPosition();
        const bar = new SingleBar({
          format: 'export [{bar}] {percentage}% | {events} events | {rate} events/s | ETA {eta_formatted}',
          noTTYOutput: true,
          notTTYSchedule: 2000,
          etaBuffer: 20,
          stream: process.stderr,
          hideCursor: true,
        });
        const started = performance.now();
        // Positions, not events, measure progress: EventStoreDB's positions are not numbered 1, 2, 3.
        bar.start(Math.max(head - options.after, 0), 0, { events: 0, rate: 0 });
        const file = await open(partial, 'w', 0o600);
        let written: LogExport;
        try {
          written = await writeLogAsNdjson(events, async (chunk) => void (await file.write(chunk)), {
            after: options.after,
            head,
            onBatch: (progress) =>
              bar.update(progress.lastPosition - options.after, {
                events: number(progress.events),
                rate: number(progress.events / ((performance.now() - started) / 1000)),
              }),
          });
          await file.sync();
        } finally {
          await file.close();
        }
        bar.update(Math.max(head - options.after, 0));
        bar.stop();
        if (options.force) await rename(partial, out);
        else {
          // link refuses an existing name, so a file that appeared meanwhile is not overwritten either.
          await link(partial, out);
          await rm(partial);
        }
        const seconds = (performance.now() - started) / 1000;
        console.log(
          `Exported ${number(written.events)} events (${megabytes(written.bytes)}, ${number(written.bytes)} bytes) in ${seconds.toFixed(1)} s to ${options.out}` +
            (written.events > 0 ? `, up to position ${number(written.lastPosition)} (continue with --after ${written.lastPosition})` : `: nothing after position ${options.after}`),
        );
      } finally {
        await rm(partial, { force: true });
        await events.close();
      }
    });
}
