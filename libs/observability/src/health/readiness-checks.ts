import { Inject, Injectable, Logger } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorFunction, type HealthIndicatorResult } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';
import { ProjectionsService, READ_MODEL_STORE, type ReadModelStore } from '@ppo/read-models';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-config';

/** How long a store has to answer before it counts as down. */
export const CHECK_TIMEOUT_MS = 3000;

class CheckTimeout extends Error {}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * What /health/ready checks: the event store answers (its head position),
 * the read-model store answers (its checkpoints), and no projection is more
 * than PPO_READY_MAX_LAG_EVENTS behind the log. A projection stopped on a
 * failed event makes the service "degraded" (still 200: commands and the other
 * read models work; the metric ppo_projection_failed is what to alert on)
 * until its lag passes the threshold. Answers are public, so they carry no
 * error text (that goes to the log), only what is up and how far behind.
 */
@Injectable()
export class ReadinessChecks {
  private readonly logger = new Logger('Health');

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly projections: ProjectionsService,
    private readonly indicators: HealthIndicatorService,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {}

  all(): HealthIndicatorFunction[] {
    return [
      () => this.probe('eventStore', async () => ({ head: await this.events.headPosition() })),
      () =>
        this.probe('readModels', async () => {
          await this.readModels.checkpoints();
          return { dialect: this.readModels.dialect };
        }),
      () => this.projectionLag(),
    ];
  }

  private async probe<const Key extends string>(key: Key, work: () => Promise<Record<string, unknown>>): Promise<HealthIndicatorResult<Key>> {
    const session = this.indicators.check(key);
    try {
      return session.up(await within(work(), CHECK_TIMEOUT_MS));
    } catch (error) {
      this.logger.warn(`Readiness: ${key} is down: ${(error as Error).message}`);
      return session.down({ message: error instanceof CheckTimeout ? error.message : 'not reachable' });
    }
  }

  private async projectionLag(): Promise<HealthIndicatorResult<'projections'>> {
    const session = this.indicators.check('projections');
    const maxLagEvents = this.options.readyMaxLagEvents;
    let statuses;
    try {
      statuses = await within(this.projections.statuses(), CHECK_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`Readiness: projection status unavailable: ${(error as Error).message}`);
      return session.down({ message: error instanceof CheckTimeout ? error.message : 'status not available', maxLagEvents });
    }
    const projections = Object.fromEntries(
      statuses.map((s) => [s.name, { state: s.state, lagEvents: s.lag.events, lagSeconds: Math.round(s.lag.seconds) }]),
    );
    const behind = statuses.filter((s) => s.lag.events > maxLagEvents).map((s) => s.name);
    if (behind.length > 0) return session.down({ message: `more than ${maxLagEvents} events behind: ${behind.join(', ')}`, maxLagEvents, projections });
    const failed = statuses.filter((s) => s.failure).map((s) => s.name);
    if (failed.length > 0) return session.degraded({ message: `stopped on a failed event: ${failed.join(', ')} (see GET /api/projections)`, maxLagEvents, projections });
    return session.up({ maxLagEvents, projections });
  }
}
