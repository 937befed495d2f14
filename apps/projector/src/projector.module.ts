import { Module, type DynamicModule } from '@nestjs/common';
import { ObservabilityModule, requestLogSerializers } from '@ppo/observability';
import { PersonalDataModule } from '@ppo/personal-data';
import { openReadModelStore, ProjectionsService, READ_MODEL_STORE, RUN_PROJECTIONS } from '@ppo/read-models';
import { LoggerModule } from 'nestjs-pino';
import { FencedReadModelStore } from './lease/fenced-read-model-store';
import { LEASE_POLL_MS, LeaseKeeper } from './lease/lease-keeper';
import { PostgresAdvisoryLease } from './lease/postgres-advisory-lease';
import { PROJECTOR_LEASE, type ProjectorLease } from './lease/projector-lease';
import { SqliteLease } from './lease/sqlite-lease';
import type { ProjectorConfig } from './projector-config';

/** The lease that suits the read models: an advisory lock in their PostgreSQL database, or a lease row in their SQLite file. */
export function leaseFor(config: ProjectorConfig): ProjectorLease {
  const location = config.app.readModels;
  return location.kind === 'postgres'
    ? new PostgresAdvisoryLease({ connectionString: location.connectionString, checkEveryMs: config.pollMs })
    : new SqliteLease({ path: location.path, leaseMs: config.leaseMs });
}

/**
 * The read side without its routes: the projections (run only while the lease is held, against a
 * store that refuses writes once it is not) and the status health and metrics read.
 */
@Module({})
class LeasedReadModelsModule {
  static forRoot(config: ProjectorConfig): DynamicModule {
    return {
      module: LeasedReadModelsModule,
      global: true,
      providers: [
        { provide: PROJECTOR_LEASE, useFactory: () => leaseFor(config) },
        {
          provide: READ_MODEL_STORE,
          inject: [PROJECTOR_LEASE],
          useFactory: (lease: ProjectorLease) => new FencedReadModelStore(openReadModelStore(config.app.readModels), () => lease.held),
        },
        // Started and stopped by the lease keeper, not at start-up.
        { provide: RUN_PROJECTIONS, useValue: false },
        { provide: LEASE_POLL_MS, useValue: config.pollMs },
        ProjectionsService,
      ],
      exports: [PROJECTOR_LEASE, READ_MODEL_STORE, LEASE_POLL_MS, ProjectionsService],
    };
  }
}

/**
 * The projection worker as a process of its own: the API runs with PPO_PROJECTIONS=off and this
 * keeps its read models up to date from the log, one active instance per deployment. It serves
 * /health/live, /health/ready and /metrics, and logs JSON lines.
 */
@Module({})
export class ProjectorModule {
  static forRoot(config: ProjectorConfig): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.app.logLevel,
            serializers: requestLogSerializers,
            // Probes and scrapes every few seconds would drown the log.
            autoLogging: { ignore: (request) => /^\/(health\/|metrics)/.test(request.url ?? '') },
          },
        }),
        // Projections read offenders' personal data opened, as the API does.
        PersonalDataModule.forRoot({ eventStore: config.app.eventStore, personalData: config.app.personalData }),
        LeasedReadModelsModule.forRoot(config),
        ObservabilityModule.forRoot({ readyMaxLagEvents: config.app.readyMaxLagEvents }),
      ],
      providers: [LeaseKeeper],
    };
  }
}
