import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';
import { ALL_PROJECTIONS } from '../projections/all-projections';
import { ProjectionRunner, type ProjectionFailure, type ProjectionState } from '../runner/projection-runner';
import { READ_MODEL_STORE, type ReadModelStore } from '../store/read-model-store.port';

/** Injection token: whether this process runs the projections (the API does by default; a projector process may instead). */
export const RUN_PROJECTIONS = Symbol('RUN_PROJECTIONS');

/** A projection's status for operators. */
export interface ProjectionStatus {
  name: string;
  state: ProjectionState | 'not-running';
  checkpoint: number;
  head: number;
  lag: { events: number; seconds: number };
  failure: ProjectionFailure | null;
}

/** Runs every projection in this process and reports where each stands. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private readonly runner: ProjectionRunner;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(RUN_PROJECTIONS) private readonly runProjections: boolean,
  ) {
    this.runner = new ProjectionRunner(events, store, ALL_PROJECTIONS, {
      logger: { log: (m) => this.logger.log(m), error: (m) => this.logger.error(m) },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.runProjections) await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.store.close();
  }

  /** Resolves once every projection has applied the log up to its current head (read-your-writes). */
  async caughtUp(): Promise<void> {
    const head = await this.events.headPosition();
    await this.runner.waitFor(head);
  }

  async statuses(): Promise<ProjectionStatus[]> {
    const head = await this.events.headPosition();
    const checkpoints = new Map((await this.store.checkpoints()).map((c) => [c.projection, c]));
    return Promise.all(
      this.runner.status().map(async ({ name, state, position, failure }) => {
        const checkpoint = this.runProjections ? position : (checkpoints.get(name)?.position ?? 0);
        const [next] = checkpoint < head ? await this.events.readAll({ after: checkpoint, limit: 1 }) : [];
        const stored = checkpoints.get(name)?.failure;
        return {
          name,
          state: this.runProjections ? state : stored ? 'failed' : 'not-running',
          checkpoint,
          head,
          lag: {
            events: Math.max(0, head - checkpoint),
            seconds: next ? Math.max(0, (Date.now() - Date.parse(next.recordedAt)) / 1000) : 0,
          },
          failure: failure ?? (stored ? { position: stored.position, eventId: stored.eventId, error: stored.error } : null),
        };
      }),
    );
  }
}
