import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Clock } from '@ppo/offenders';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from '@ppo/config';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { RequestValidationPipe } from './http/request-validation.pipe';
import { configureWeb } from './web/configure-web';

/** Applies what every instance of the API needs: security headers and sessions, validation at the edge, problem+json errors, OpenAPI. */
export function configureApp(app: NestExpressApplication): void {
  app.set('etag', false);
  app.set('x-powered-by', false);
  configureWeb(app);
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('PPO Journey')
      .setDescription(
        'Event-sourced case management for Prolific and Priority Offender schemes. Commands append events to one stream per ' +
          'offender; errors are RFC 9457 problem+json with a stable code.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'From POST /api/auth/token (local accounts) or the identity provider' })
      .build(),
  );
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    ProblemDetails: {
      type: 'object',
      required: ['type', 'title', 'status', 'code'],
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        code: { type: 'string', example: 'OFFENDER.NOT_ON_SCHEME' },
        instance: { type: 'string' },
        errors: {
          type: 'array',
          items: { type: 'object', properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } } },
        },
      },
    },
  };
  SwaggerModule.setup('api/docs', app, document);
}

/** Creates the API, configured but not listening. */
export async function createApp(config: AppConfig, overrides: { clock?: Clock } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, overrides), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApp(app);
  return app;
}
