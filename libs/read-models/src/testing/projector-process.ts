/**
 * A projector as its own process, for the crash test: applies every projection
 * up to the head of the log, committing after every small batch, then prints
 * "caught up". Arguments: the event store file, then `sqlite:<file>` or
 * `postgres:<schema>` for the read models.
 */
import { SqliteEventStore } from '@ppo/event-store';
import { ALL_PROJECTIONS } from '../projections/all-projections';
import { ProjectionRunner } from '../runner/projection-runner';
import { PostgresReadModelStore } from '../store/postgres-read-model-store';
import { SqliteReadModelStore } from '../store/sqlite-read-model-store';
import { TEST_POSTGRES_URL } from './read-model-stores';

async function main(): Promise<void> {
  const [eventsPath, target] = process.argv.slice(2);
  const events = new SqliteEventStore({ path: eventsPath });
  const store = target.startsWith('sqlite:')
    ? new SqliteReadModelStore(target.slice('sqlite:'.length))
    : new PostgresReadModelStore({ connectionString: TEST_POSTGRES_URL, schema: target.slice('postgres:'.length) });
  const runner = new ProjectionRunner(events, store, ALL_PROJECTIONS, { batchSize: 25, maxDirtyRows: 1 });
  await runner.catchUp();
  process.stdout.write('caught up\n');
  await store.close();
  await events.close();
}

void main();
