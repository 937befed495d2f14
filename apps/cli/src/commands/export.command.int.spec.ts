import { expectedHash, SqliteEventStore, type StoredEvent } from '@ppo/event-store';
import { writeSyntheticLog } from '@ppo/read-models/testing/synthetic-log';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ppoInTempDataDir } from '../testing/run-ppo';

const { dataDir, run } = ppoInTempDataDir('ppo-export-cli-');
const ppo = (...args: string[]) => run(args);
const linesOf = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

let stored: StoredEvent[];

describe('ppo export, on the command line', () => {
  beforeAll(async () => {
    const events = new SqliteEventStore({ path: join(dataDir, 'ppo.db') });
    await writeSyntheticLog(events, 2500, 20, 7);
    stored = await events.readAll({ limit: 10_000 });
    await events.close();
  });

  it('writes every event of the log as stored, one a line, each still matching its hash, with progress and a one-line summary', () => {
    const file = join(dataDir, 'backup.ndjson');
    const exported = ppo('export', '--out', file);
    expect(exported.code).toBe(0);
    expect(exported.err).toMatch(/export \[.*\] 100% \| 2,500 events \| [\d,]+ events\/s \| ETA/);
    const bytes = statSync(file).size;
    expect(exported.out).toBe(
      `Exported 2,500 events (${(bytes / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB, ${bytes.toLocaleString('en-GB')} bytes) in ${/in ([\d.]+) s/.exec(exported.out)?.[1]} s ` +
        `to ${file}, up to position 2,500 (continue with --after 2500)\n`,
    );

    const lines = linesOf(file).map((line) => JSON.parse(line) as StoredEvent);
    expect(lines).toEqual(stored);
    expect(lines.every((event) => expectedHash(event) === event.hash)).toBe(true);
    // Personal data in a backup: readable by its owner only; and no half-written file left beside it.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  }, 60_000);

  it('continues a previous export from the position it gives', () => {
    const file = join(dataDir, 'since-2000.ndjson');
    const exported = ppo('export', '--out', file, '--after', '2000');
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^Exported 500 events .* up to position 2,500 \(continue with --after 2500\)$/m);
    expect(linesOf(file).map((line) => JSON.parse(line) as StoredEvent)).toEqual(stored.slice(2000));
  }, 60_000);

  it('refuses to overwrite a file that exists unless told to with --force', () => {
    const file = join(dataDir, 'kept.ndjson');
    writeFileSync(file, 'an earlier backup\n');
    const refused = ppo('export', '--out', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`ppo: ${file} already exists; give --force to overwrite it\n`);
    expect(readFileSync(file, 'utf8')).toBe('an earlier backup\n');

    const forced = ppo('export', '--out', file, '--force', '--after', '2490');
    expect(forced.code).toBe(0);
    expect(linesOf(file)).toHaveLength(10);
  }, 60_000);

  it('refuses a position that is not a whole number', () => {
    const refused = ppo('export', '--out', join(dataDir, 'never.ndjson'), '--after', 'yesterday');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/--after is a global position, a whole number \(0 or more\)/);
  }, 30_000);
});
