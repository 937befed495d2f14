import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type NewEvent } from '@ppo/event-store';
import { ProjectionsService } from '@ppo/read-models';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { register, startTestApp, TODAY, type TestApp } from '../support/test-app';

/** The test app with projections off (another process would run them) and a lag threshold. */
async function appWithoutProjections(maxLagEvents: number): Promise<INestApplication> {
  return (await startTestApp({ users: false, config: { runProjections: false, readyMaxLagEvents: maxLagEvents } })).app;
}

/** An event of a type no projection reads, appended straight to the store. */
async function lagEvent(): Promise<NewEvent> {
  return {
    eventId: randomUUID(),
    type: 'NoteForLagTest',
    schemaVersion: 1,
    data: {},
    metadata: { occurredAt: TODAY, actor: { userId: 'test', role: 'system' }, correlationId: 'lag', causationId: 'lag', commandId: 'lag' },
  };
}

/** Appends `n` events to a stream of their own. */
async function appendEvents(store: EventStore, n: number): Promise<void> {
  const events = await Promise.all(Array.from({ length: n }, lagEvent));
  await store.append('lag-test', events, { expectedVersion: 'any' });
}

/** The value of one series in a Prometheus exposition, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('health checks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('/health/live answers 200 to anyone, with no credentials and no caching', async () => {
    const response = await t.anonymous.get('/health/live').expect(200);
    expect(response.body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
    expect(response.headers['cache-control']).toMatch(/no-store/);
  });

  it('/health/ready answers 200 when both stores answer and every projection is up to date', async () => {
    await register(t.http);
    await t.projected();
    const response = await t.anonymous.get('/health/ready').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.info.eventStore).toEqual({ status: 'up', head: expect.any(Number) });
    expect(response.body.info.readModels).toEqual({ status: 'up', dialect: 'sqlite' });
    expect(response.body.info.projections).toMatchObject({ status: 'up', maxLagEvents: 10000 });
    expect(response.body.info.projections.projections.offender_journey).toEqual({ state: 'live', lagEvents: 0, lagSeconds: 0 });
  });

  it('/health/ready stays 200 but says "degraded" while a projection is stopped on an event it cannot apply', async () => {
    const app = await startTestApp();
    try {
      // An event no projection can read: a registration with no data.
      await app.store.append(`offender-${randomUUID()}`, [{ ...(await lagEvent()), type: 'OffenderRegistered', data: null }], { expectedVersion: 'no-stream' });
      const projections = app.app.get(ProjectionsService);
      for (let i = 0; i < 100 && !(await projections.statuses()).some((s) => s.failure); i++) await new Promise((r) => setTimeout(r, 20));
      const response = await app.anonymous.get('/health/ready').expect(200);
      expect(response.body.status).toBe('degraded');
      expect(response.body.info.projections).toMatchObject({ status: 'degraded', message: expect.stringMatching(/^stopped on a failed event: .*offender_journey.* \(see GET \/api\/projections\)$/) });
      expect(response.body.info.projections.projections.offender_journey.state).toBe('failed');
      const metrics = (await app.anonymous.get('/metrics').expect(200)).text;
      expect(sample(metrics, 'ppo_projection_failed{projection="offender_journey"}')).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('/health/ready turns 503 and names the event store once it is closed, without the error text', async () => {
    const app = await appWithoutProjections(10);
    try {
      await app.get<EventStore>(EVENT_STORE).close();
      const response = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body.status).toBe('error');
      expect(response.body.error.eventStore).toEqual({ status: 'down', message: 'not reachable' });
      expect(response.body.info.readModels.status).toBe('up');
      await request(app.getHttpServer()).get('/health/live').expect(200);
    } finally {
      await app.close();
    }
  });

  it('/health/ready turns 503 when a projection is more than PPO_READY_MAX_LAG_EVENTS behind the log, and names it', async () => {
    const app = await appWithoutProjections(3);
    try {
      const store = app.get<EventStore>(EVENT_STORE);
      await appendEvents(store, 3);
      const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
      expect(ready.body.info.projections.projections.offender_journey).toEqual({ state: 'not-running', lagEvents: 3, lagSeconds: expect.any(Number) });
      await appendEvents(store, 1);
      const behind = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(behind.body.error.projections).toMatchObject({ status: 'down', maxLagEvents: 3, message: expect.stringMatching(/^more than 3 events behind: offender_journey, /) });
      expect(behind.body.info.eventStore).toEqual({ status: 'up', head: 4 });
    } finally {
      await app.close();
    }
  });
});

describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('exposes process, command, append, group-commit and projection series after a command, to a scraper with no account', async () => {
    const id = await register(t.http);
    // Not on the scheme: the domain refuses a lapse.
    await t.http.post(`/api/offenders/${id}/lapses`).send({ occurredOn: '2026-11-01', kind: 'drug-use', severity: 'minor' }).expect(409);
    await t.projected();
    const response = await t.anonymous.get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.text;
    // The process's own.
    for (const series of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(sample(text, series)).toBeGreaterThanOrEqual(0);
    }
    // Commands by type and outcome, and their latency.
    expect(sample(text, 'ppo_commands_total{command="RegisterOffender",outcome="accepted"}')).toBe(1);
    expect(sample(text, 'ppo_commands_total{command="RecordLapse",outcome="refused"}')).toBe(1);
    expect(sample(text, 'ppo_command_duration_seconds_count{command="RegisterOffender",outcome="accepted"}')).toBe(1);
    expect(sample(text, 'ppo_command_duration_seconds_bucket{le="+Inf",command="RegisterOffender",outcome="accepted"}')).toBe(1);
    // Appends and the group commits that made them durable.
    expect(sample(text, 'ppo_event_store_append_duration_seconds_count{outcome="ok"}')).toBe(1);
    expect(sample(text, 'ppo_event_store_commit_appends_count')).toBe(1);
    expect(sample(text, 'ppo_event_store_commit_appends_sum')).toBe(1);
    expect(sample(text, 'ppo_event_store_commit_events_sum')).toBe(1);
    expect(sample(text, 'ppo_event_store_head_position')).toBe(1);
    // Projections: caught up, none failed.
    for (const projection of ['offender_journey', 'eligibility', 'activity']) {
      expect(sample(text, `ppo_projection_lag_events{projection="${projection}"}`)).toBe(0);
      expect(sample(text, `ppo_projection_lag_seconds{projection="${projection}"}`)).toBe(0);
      expect(sample(text, `ppo_projection_checkpoint{projection="${projection}"}`)).toBe(1);
      expect(sample(text, `ppo_projection_failed{projection="${projection}"}`)).toBe(0);
    }
  });

  it('counts an idempotent retry as replayed, not as a second command', async () => {
    const id = await register(t.http);
    const body = { contactOn: '2026-11-19', kind: 'office', outcome: 'attended' };
    await t.supervisor.http.post(`/api/offenders/${id}/adoption`).send({ adoptedOn: '2026-11-01', reason: 'Panel decision' }).expect(200);
    await t.http.post(`/api/offenders/${id}/contacts`).set('Idempotency-Key', 'metrics-retry').send(body).expect(200);
    await t.http.post(`/api/offenders/${id}/contacts`).set('Idempotency-Key', 'metrics-retry').send(body).expect(200);
    const text = (await t.anonymous.get('/metrics').expect(200)).text;
    expect(sample(text, 'ppo_commands_total{command="RecordContact",outcome="accepted"}')).toBe(1);
    expect(sample(text, 'ppo_commands_total{command="RecordContact",outcome="replayed"}')).toBe(1);
    expect(sample(text, 'ppo_commands_total{command="AdoptOffender",outcome="accepted"}')).toBe(1);
  });
});
