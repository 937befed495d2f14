import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AppMetrics } from '@ppo/observability';
import { ProjectionsService } from '@ppo/read-models';
import { Gauge } from 'prom-client';
import { PROJECTOR_LEASE, type ProjectorLease } from './projector-lease';

/** Injection token: how often a waiting projector tries to take the lease, in milliseconds. */
export const LEASE_POLL_MS = Symbol('LEASE_POLL_MS');

/**
 * Waits for the lease, projects while it holds it, and goes back to waiting when it loses it:
 * polls `tryAcquire`; on acquiring, starts the projections from their stored checkpoints; when the
 * lease is lost, stops them at once (the fenced store already refuses their writes); on shutdown,
 * stops them and then releases the lease, so a waiting projector takes over at its next poll.
 */
@Injectable()
export class LeaseKeeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private readonly heldGauge: Gauge;
  private loop?: Promise<void>;
  private stopping = false;
  private stopRequested!: () => void;
  private readonly stopped = new Promise<void>((resolve) => (this.stopRequested = resolve));

  constructor(
    @Inject(PROJECTOR_LEASE) private readonly lease: ProjectorLease,
    @Inject(LEASE_POLL_MS) private readonly pollMs: number,
    private readonly projections: ProjectionsService,
    metrics: AppMetrics,
  ) {
    this.heldGauge = new Gauge({
      name: 'ppo_projector_lease_held',
      help: '1 while this projector holds the lease and runs the projections, else 0 (across a deployment\'s projectors the sum should be 1)',
      registers: [metrics.registry],
    });
    this.heldGauge.set(0);
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.stopRequested();
    await this.loop;
    await this.lease.close();
  }

  private async run(): Promise<void> {
    this.logger.log({ msg: `Waiting for the lease (${this.lease.kind})`, lease: 'waiting' });
    let lastProblem = '';
    while (!this.stopping) {
      let lost!: (reason: string) => void;
      const losing = new Promise<string>((resolve) => (lost = resolve));
      let acquired = false;
      try {
        acquired = await this.lease.tryAcquire((reason) => lost(reason));
        lastProblem = '';
      } catch (error) {
        // Said once, not at every poll, until it changes.
        const problem = (error as Error).message;
        if (problem !== lastProblem) this.logger.warn({ msg: `Cannot try for the lease: ${problem}`, lease: 'unavailable' });
        lastProblem = problem;
      }
      if (acquired && !this.stopping) await this.projectUntilLost(losing);
      else if (acquired) await this.lease.release();
      else await Promise.race([this.stopped, new Promise((resolve) => setTimeout(resolve, this.pollMs))]);
    }
  }

  private async projectUntilLost(losing: Promise<string>): Promise<void> {
    this.heldGauge.set(1);
    this.logger.log({ msg: `Acquired the lease (${this.lease.kind}): projecting`, lease: 'acquired' });
    try {
      await this.projections.startProjecting();
    } catch (error) {
      this.heldGauge.set(0);
      await this.projections.stopProjecting();
      const wasHeld = this.lease.held;
      await this.lease.release();
      this.logger.error({ msg: `Could not start the projections: ${(error as Error).message}; ${wasHeld ? 'released the lease' : 'the lease was lost meanwhile'}`, lease: wasHeld ? 'released' : 'lost' });
      await Promise.race([this.stopped, new Promise((resolve) => setTimeout(resolve, this.pollMs))]);
      return;
    }
    const reason = await Promise.race([losing, this.stopped.then(() => undefined)]);
    await this.projections.stopProjecting();
    this.heldGauge.set(0);
    if (reason !== undefined) {
      this.logger.warn({ msg: `Lost the lease: ${reason}; stopped projecting, waiting to take it again`, lease: 'lost' });
      return;
    }
    await this.lease.release();
    this.logger.log({ msg: 'Stopped projecting and released the lease', lease: 'released' });
  }
}
