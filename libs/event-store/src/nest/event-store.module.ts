import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { EsdbEventStore } from '../esdb/esdb-event-store';
import { EVENT_STORE, type EventStore } from '../event-store.port';
import type { EventStoreLocation } from '../event-store-location';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';

/** Opens the adapter for a location. */
export function openEventStore(location: EventStoreLocation): EventStore {
  return location.kind === 'sqlite'
    ? new SqliteEventStore({ path: location.path })
    : EsdbEventStore.connect(location.connectionString);
}

class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Provides the EventStore chosen from config under the EVENT_STORE token, and closes it on shutdown. */
@Module({})
export class EventStoreModule {
  static forRoot(location: EventStoreLocation): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [{ provide: EVENT_STORE, useFactory: () => openEventStore(location) }, EventStoreLifecycle],
      exports: [EVENT_STORE],
    };
  }
}
