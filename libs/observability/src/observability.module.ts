import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health/health.controller';
import { HealthLogger } from './health/health-logger';
import { ReadinessChecks } from './health/readiness-checks';
import { AppMetrics } from './metrics/app-metrics';
import { CommandMetrics } from './metrics/command-metrics';
import { EventStoreMetrics } from './metrics/event-store-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability-config';

/**
 * Health (/health/live, /health/ready) and Prometheus metrics (/metrics) for a
 * process that has the event store, the read models and (optionally) the
 * command bus in scope.
 */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [TerminusModule.forRoot({ logger: HealthLogger })],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: OBSERVABILITY_OPTIONS, useValue: options }, AppMetrics, ReadinessChecks, CommandMetrics, EventStoreMetrics],
      exports: [AppMetrics],
    };
  }
}
