import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError } from '@ppo/config';
import { Logger } from 'nestjs-pino';
import type { AddressInfo } from 'node:net';
import { loadProjectorConfig } from './projector-config';
import { ProjectorModule } from './projector.module';

/** `npm run projector`: the projection worker, on the configured stores, with health and metrics on PPO_PORT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadProjectorConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await NestFactory.create(ProjectorModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.listen(config.port);
  const { port } = app.getHttpServer().address() as AddressInfo;
  new NestLogger('Projector').log({ msg: `Health and metrics on http://localhost:${port} (/health/live, /health/ready, /metrics)`, port });
}

void main();
