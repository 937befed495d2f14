import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Process metrics (CPU, memory, event loop, GC) are the process's, whatever number of apps it runs: collected once. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The service's own metrics, in a registry per application (tests start many
 * in one process), served at /metrics after the process's default metrics.
 */
@Injectable()
export class AppMetrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'ppo_commands_total',
    help: 'Offender commands by type and outcome: accepted, replayed (an Idempotency-Key retry), refused (a rule or a stale version: 4xx) or failed (5xx)',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly commandSeconds = new Histogram({
    name: 'ppo_command_duration_seconds',
    help: 'Time from a command entering the command bus to its answer (read, fold, decide, durable append)',
    labelNames: ['command', 'outcome'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly appendSeconds = new Histogram({
    name: 'ppo_event_store_append_duration_seconds',
    help: 'Time for an append to become durable, including the wait for its group commit; outcome ok, conflict (wrong expected version) or error',
    labelNames: ['outcome'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly commitAppends = new Histogram({
    name: 'ppo_event_store_commit_appends',
    help: 'Appends written by one group commit of the embedded store (one transaction, one fsync); its _count is the number of commits',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
    registers: [this.registry],
  });

  readonly commitEvents = new Histogram({
    name: 'ppo_event_store_commit_events',
    help: 'Events written by one group commit of the embedded store',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096],
    registers: [this.registry],
  });

  readonly headPosition = new Gauge({
    name: 'ppo_event_store_head_position',
    help: 'Global position of the last event in the log',
    registers: [this.registry],
  });

  readonly projectionLagEvents = new Gauge({
    name: 'ppo_projection_lag_events',
    help: 'Events in the log a projection has not applied yet',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionLagSeconds = new Gauge({
    name: 'ppo_projection_lag_seconds',
    help: 'Age of the oldest event a projection has not applied yet (0 when it is up to date)',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionCheckpoint = new Gauge({
    name: 'ppo_projection_checkpoint',
    help: 'Global position of the last event a projection committed',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionFailed = new Gauge({
    name: 'ppo_projection_failed',
    help: '1 while a projection is stopped on an event that made it throw (see GET /api/projections), else 0',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  /** The exposition: process metrics, then the service's. */
  async exposition(): Promise<string> {
    const parts = await Promise.all([processMetrics().metrics(), this.registry.metrics()]);
    return parts.map((p) => p.trimEnd()).join('\n') + '\n';
  }

  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;
}
