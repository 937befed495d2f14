import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';
import { ApplicationError } from '@ppo/offenders';
import { ALL_PROJECTIONS } from '../projections/all-projections';
import { rebuildProjection, type RebuildReport } from '../rebuild/rebuild-projection';
import { ProjectionRunner, type ProjectionFailure, type ProjectionState } from '../runner/projection-runner';
import { READ_MODEL_STORE, type ReadModelStore } from '../store/read-model-store.port';

/** Injection token: whether this process runs the projections (the API does by default; a projector process may instead). */
export const RUN_PROJECTIONS = Symbol('RUN_PROJECTIONS');

/** A projection's status for operators. */
export interface ProjectionStatus {
  name: string;
  state: ProjectionState | 'not-running' | 'rebuilding';
  checkpoint: number;
  head: number;
  lag: { events: number; seconds: number };
  failure: ProjectionFailure | null;
  /** While a rebuild runs: how far its shadow copy has got. */
  rebuild?: { position: number; head: number; startedAt: string };
  /** The last rebuild since this process started: how the rebuilt copy compared with the live one, or why it failed. */
  lastRebuild?: (RebuildReport & { finishedAt: string }) | { error: string; finishedAt: string };
}

/** Runs every projection in this process and reports where each stands. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private runner: ProjectionRunner;
  private readonly rebuilding = new Map<string, { position: number; head: number; startedAt: string }>();
  private readonly lastRebuild = new Map<string, NonNullable<ProjectionStatus['lastRebuild']>>();
  /** Whether this process is following the log now: from start-up when it runs the projections, or while a projector holds its lease. */
  private running = false;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(RUN_PROJECTIONS) private readonly runProjections: boolean,
  ) {
    this.runner = this.newRunner();
  }

  private newRunner(): ProjectionRunner {
    return new ProjectionRunner(this.events, this.store, ALL_PROJECTIONS, {
      logger: { log: (m) => this.logger.log(m), error: (m) => this.logger.error(m) },
    });
  }

  /**
   * Starts rebuilding a projection in the background (a shadow copy from position 0, compared and
   * swapped in); reads keep being answered meanwhile. Progress and the outcome show in statuses().
   */
  startRebuild(name: string): void {
    const projection = ALL_PROJECTIONS.find((p) => p.name === name);
    if (!projection) throw new ApplicationError('PROJECTION.NOT_FOUND', 404, 'There is no projection of that name.', `Known: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`);
    if (!this.running) {
      throw new ApplicationError('PROJECTION.NOT_RUN_HERE', 409, 'Projections run in another process here.', 'Rebuild them where they run.');
    }
    if (this.rebuilding.size > 0) throw new ApplicationError('PROJECTION.REBUILD_RUNNING', 409, 'A rebuild is already running.', [...this.rebuilding.keys()].join(', '));
    this.rebuilding.set(name, { position: 0, head: 0, startedAt: new Date().toISOString() });
    this.logger.log(`Rebuilding ${name}`);
    void rebuildProjection(this.events, this.store, projection, {
      onProgress: (position, head) => this.rebuilding.set(name, { ...this.rebuilding.get(name)!, position, head }),
      pauseLive: () => this.runner.stop(),
      resumeLive: async () => {
        this.runner = this.newRunner();
        await this.runner.start();
      },
    })
      .then((report) => {
        this.lastRebuild.set(name, { ...report, finishedAt: new Date().toISOString() });
        const { onlyLive, onlyRebuilt, changed } = report.differences;
        this.logger.log(`Rebuilt ${name} in ${report.seconds.toFixed(1)} s: ${report.rows} rows; ${onlyLive} only live, ${onlyRebuilt} only rebuilt, ${changed} changed`);
      })
      .catch((error: Error) => {
        this.lastRebuild.set(name, { error: error.message, finishedAt: new Date().toISOString() });
        this.logger.error(`Rebuilding ${name} failed: ${error.message}`);
      })
      .finally(() => this.rebuilding.delete(name));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.runProjections) await this.startProjecting();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stopProjecting();
    await this.store.close();
  }

  /** Starts following the log from the stored checkpoints (at start-up, or when a projector acquires its lease). */
  async startProjecting(): Promise<void> {
    if (this.running) return;
    this.runner = this.newRunner();
    this.running = true;
    try {
      await this.runner.start();
    } catch (error) {
      this.running = false;
      throw error;
    }
  }

  /** Stops following the log (a projector that lost its lease); statuses then read the stored checkpoints. */
  async stopProjecting(): Promise<void> {
    this.running = false;
    await this.runner.stop();
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
        const checkpoint = this.running ? position : (checkpoints.get(name)?.position ?? 0);
        const [next] = checkpoint < head ? await this.events.readAll({ after: checkpoint, limit: 1 }) : [];
        const stored = checkpoints.get(name)?.failure;
        const rebuild = this.rebuilding.get(name);
        const lastRebuild = this.lastRebuild.get(name);
        return {
          name,
          state: rebuild ? 'rebuilding' : this.running ? state : stored ? 'failed' : 'not-running',
          checkpoint,
          head,
          lag: {
            events: Math.max(0, head - checkpoint),
            seconds: next ? Math.max(0, (Date.now() - Date.parse(next.recordedAt)) / 1000) : 0,
          },
          failure: failure ?? (stored ? { position: stored.position, eventId: stored.eventId, error: stored.error } : null),
          ...(rebuild ? { rebuild } : {}),
          ...(lastRebuild ? { lastRebuild } : {}),
        };
      }),
    );
  }
}
