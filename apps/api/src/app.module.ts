import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '@ppo/audit';
import { AccessGuard, AuthModule } from '@ppo/auth';
import { ObservabilityModule, requestLogSerializers } from '@ppo/observability';
import { OffendersModule, systemClock, type Clock } from '@ppo/offenders';
import { PersonalDataModule } from '@ppo/personal-data';
import { ReadModelsModule } from '@ppo/read-models';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '@ppo/config';
import { WebModule } from './web/web.module';

const CORRELATION_ID = /^[\w.:-]{1,100}$/;

/** Takes the caller's X-Correlation-Id when it is sane, otherwise makes one; echoes it back. */
function correlationIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-correlation-id'];
  const id = typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Correlation-Id', id);
  return id;
}

/** The HTTP service: the offender journey over the event store chosen by config, behind sign-in. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: { clock?: Clock } = {}): DynamicModule {
    const clock = overrides.clock ?? systemClock(config.timeZone);
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: correlationIdOf,
            customAttributeKeys: { reqId: 'correlationId' },
            serializers: requestLogSerializers,
            // Probes and scrapes every few seconds would drown the log.
            autoLogging: { ignore: (request) => /^\/(health\/|metrics)/.test(request.url ?? '') },
          },
        }),
        AuthModule.forRoot({ config: config.auth, now: () => clock.now() }),
        PersonalDataModule.forRoot({ eventStore: config.eventStore, personalData: config.personalData }),
        OffendersModule.forRoot({ clock, policies: config.policies }),
        AuditModule.forRoot({ accessLogPath: config.auditLogPath }),
        WebModule,
        ReadModelsModule.forRoot({ location: config.readModels, runProjections: config.runProjections, clock, policies: config.policies }),
        ObservabilityModule.forRoot({ readyMaxLagEvents: config.readyMaxLagEvents }),
      ],
      // The one place every route's access is decided; it needs the offenders module's OFFENDER_AREAS.
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
    };
  }
}
