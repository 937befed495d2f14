import type { INestApplication } from '@nestjs/common';
import { DEFAULT_SCHEME_POLICIES } from '@ppo/domain';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';
import { fixedClock } from '@ppo/offenders';
import { ProjectionsService } from '@ppo/read-models';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../apps/api/src/bootstrap';
import type { AppConfig } from '@ppo/config';

/** "Today" in every e2e test: a Friday in November 2026, in London. */
export const TODAY = '2026-11-20';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  store: EventStore;
  /** Resolves once the read models have caught up with every event appended so far. */
  projected(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the real API over an in-memory SQLite event store, with the clock fixed at TODAY. */
export async function startTestApp(): Promise<TestApp> {
  const config: AppConfig = {
    port: 0,
    dataDir: '',
    eventStore: { kind: 'sqlite', path: ':memory:' },
    readModels: { kind: 'sqlite', path: ':memory:' },
    runProjections: true,
    timeZone: 'Europe/London',
    policies: DEFAULT_SCHEME_POLICIES,
    logLevel: 'silent',
  };
  const app = await createApp(config, { clock: fixedClock(`${TODAY}T10:00:00Z`) });
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    store: app.get<EventStore>(EVENT_STORE),
    projected: () => app.get(ProjectionsService).caughtUp(),
    close: () => app.close(),
  };
}

/** A registration body for a 36-year-old in Northumbria. */
export function registration(overrides: Record<string, unknown> = {}) {
  return { crn: 'X123456', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-04-12', area: 'northumbria', ...overrides };
}

/** Registers an offender and returns their id. */
export async function register(http: TestAgent, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await http.post('/api/offenders').send(registration(overrides)).expect(201);
  return response.body.offenderId;
}

/** Registers an offender with six shop thefts this year and adopts them on 1 July 2026. */
export async function adoptedOffender(http: TestAgent): Promise<string> {
  const id = await register(http);
  for (let month = 1; month <= 6; month++) {
    await http
      .post(`/api/offenders/${id}/convictions`)
      .send({ offence: 'theft-from-shops', offenceDate: `2026-0${month}-02`, convictionDate: `2026-0${month}-20`, court: 'Newcastle Magistrates' })
      .expect(200);
  }
  await http.post(`/api/offenders/${id}/adoption`).send({ adoptedOn: '2026-07-01' }).expect(200);
  return id;
}
