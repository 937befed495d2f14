import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, SqliteEventStore, WrongExpectedVersionError, type EventStore } from '@ppo/event-store';
import { AppMetrics } from './app-metrics';


/**
 * Times every append (including its wait for a group commit) by wrapping the
 * store's append, and observes each group commit of the embedded store.
 */
export function instrumentEventStore(store: EventStore, metrics: AppMetrics): void {
  const append = store.append.bind(store);
  store.append = (streamId, events, options) => {
    const stop = metrics.appendSeconds.startTimer();
    return append(streamId, events, options).then(
      (result) => {
        stop({ outcome: 'ok' });
        return result;
      },
      (error: unknown) => {
        stop({ outcome: error instanceof WrongExpectedVersionError ? 'conflict' : 'error' });
        throw error;
      },
    );
  };
  // Behind the seal on personal data, the group commits are the adapter's.
  const adapter = store.stored ?? store;
  if (adapter instanceof SqliteEventStore) {
    adapter.observeCommits((appends, events) => {
      metrics.commitAppends.observe(appends);
      metrics.commitEvents.observe(events);
    });
  }
}

@Injectable()
export class EventStoreMetrics implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly metrics: AppMetrics,
  ) {}

  onModuleInit(): void {
    instrumentEventStore(this.store, this.metrics);
  }
}
