import { adoptedOffender, registration, startTestApp, type TestApp } from './support/test-app';

describe('Retrying a command with an Idempotency-Key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers once when a registration is retried, and answers the retry with the first response', async () => {
    const first = await t.http.post('/api/offenders').set('Idempotency-Key', 'reg-1').send(registration()).expect(201);
    const position = await t.store.headPosition();
    const retry = await t.http.post('/api/offenders').set('Idempotency-Key', 'reg-1').send(registration()).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await t.store.headPosition()).toBe(position);
  });

  it('refuses the same key with a different body, and appends nothing', async () => {
    await t.http.post('/api/offenders').set('Idempotency-Key', 'reg-2').send(registration()).expect(201);
    const position = await t.store.headPosition();
    const reused = await t.http.post('/api/offenders').set('Idempotency-Key', 'reg-2').send(registration({ crn: 'Y999999' })).expect(422);
    expect(reused.body.code).toBe('REQUEST.IDEMPOTENCY_KEY_REUSED');
    expect(await t.store.headPosition()).toBe(position);
  });

  it('returns the same lapse id to a retried lapse, recording the lapse once', async () => {
    const id = await adoptedOffender(t);
    const lapse = { occurredOn: '2026-11-01', kind: 'missed-contacts', severity: 'minor' };
    const first = await t.http.post(`/api/offenders/${id}/lapses`).set('Idempotency-Key', 'lapse-1').send(lapse).expect(200);
    const retry = await t.http.post(`/api/offenders/${id}/lapses`).set('Idempotency-Key', 'lapse-1').send(lapse).expect(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.body.lapseId).toEqual(expect.any(String));
    const events = (await t.http.get(`/api/offenders/${id}/events`)).body.events;
    expect(events.filter((e: { type: string }) => e.type === 'LapseOccurred')).toHaveLength(1);
  });

  it('records once when ten identical retries arrive at the same moment', async () => {
    const id = await adoptedOffender(t);
    const contact = { contactOn: '2026-11-02', kind: 'home-visit', outcome: 'attended' };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => t.http.post(`/api/offenders/${id}/contacts`).set('Idempotency-Key', 'visit-1').send(contact)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((r) => r.body.version)).size).toBe(1);
    const events = (await t.http.get(`/api/offenders/${id}/events`)).body.events;
    expect(events.filter((e: { type: string }) => e.type === 'ContactRecorded')).toHaveLength(1);
  });
});
