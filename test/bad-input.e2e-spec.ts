import { randomUUID } from 'node:crypto';
import { adoptedOffender, register, startTestApp, type TestApp } from './support/test-app';

describe('Bad input gets a clear problem+json and writes nothing', () => {
  let t: TestApp;
  let registeredId: string;
  let adoptedId: string;
  beforeAll(async () => {
    t = await startTestApp();
    registeredId = await register(t.http);
    adoptedId = await adoptedOffender(t);
  });
  afterAll(() => t.close());

  async function expectProblem(send: () => Promise<{ status: number; headers: Record<string, string>; body: any }>, status: number, code: string) {
    const before = await t.store.headPosition();
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, code, type: expect.stringMatching(/^urn:/), title: expect.any(String) });
    expect(await t.store.headPosition()).toBe(before);
    return response.body;
  }

  it('refuses malformed JSON', async () => {
    await expectProblem(
      () => t.http.post(`/api/offenders/${adoptedId}/contacts`).set('Content-Type', 'application/json').send('{"contactOn": "2026-11-01",'),
      400,
      'REQUEST.MALFORMED_JSON',
    );
  });

  it('refuses unknown fields, naming each one', async () => {
    const body = await expectProblem(
      () => t.http.post(`/api/offenders/${adoptedId}/contacts`).send({ contactOn: '2026-11-01', kind: 'office', outcome: 'attended', mood: 'good' }),
      400,
      'REQUEST.INVALID_BODY',
    );
    expect(body.errors).toEqual([{ field: 'mood', messages: ['mood is not a known field'] }]);
  });

  it('refuses wrong types and missing fields, one entry per field', async () => {
    const body = await expectProblem(
      () => t.http.post(`/api/offenders/${adoptedId}/contact-frequency/increases`).send({ contactsPerWeek: 'five', effectiveOn: 20261101 }),
      400,
      'REQUEST.INVALID_BODY',
    );
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contactsPerWeek', 'effectiveOn', 'reason']);
  });

  it('refuses words outside the vocabulary', async () => {
    const body = await expectProblem(
      () => t.http.post(`/api/offenders/${adoptedId}/contacts`).send({ contactOn: '2026-11-01', kind: 'pub', outcome: 'attended' }),
      400,
      'REQUEST.INVALID_BODY',
    );
    expect(body.errors[0].messages[0]).toContain('home-visit, office, accompanied-appointment, phone');
  });

  it.each(['2026-02-30', '2026-13-01', '01/11/2026', '2026-11-1'])('refuses the impossible date %s', async (contactOn) => {
    await expectProblem(
      () => t.http.post(`/api/offenders/${adoptedId}/contacts`).send({ contactOn, kind: 'office', outcome: 'attended' }),
      400,
      'REQUEST.INVALID_BODY',
    );
  });

  it('refuses a date of something that happened when it is in the future', async () => {
    const body = await expectProblem(
      () => t.http.post(`/api/offenders/${adoptedId}/contacts`).send({ contactOn: '2026-11-21', kind: 'office', outcome: 'attended' }),
      422,
      'DATE.IN_FUTURE',
    );
    expect(body.errors).toEqual([{ field: 'contactOn', messages: [expect.stringContaining('2026-11-21')] }]);
  });

  it('answers 404 for an offender nobody registered, to commands and reads alike', async () => {
    const unknown = randomUUID();
    await expectProblem(
      () => t.http.post(`/api/offenders/${unknown}/contacts`).send({ contactOn: '2026-11-01', kind: 'office', outcome: 'attended' }),
      404,
      'OFFENDER.NOT_REGISTERED',
    );
    await expectProblem(() => t.http.get(`/api/offenders/${unknown}`), 404, 'OFFENDER.NOT_REGISTERED');
    await expectProblem(() => t.http.get(`/api/offenders/${unknown}/events`), 404, 'OFFENDER.NOT_REGISTERED');
  });

  it('refuses an offender id that is not a UUID', async () => {
    await expectProblem(() => t.http.get('/api/offenders/not-an-id'), 400, 'REQUEST.INVALID');
  });

  it('refuses a command the rules forbid, with the rule in words', async () => {
    const body = await expectProblem(
      () =>
        t.http
          .post(`/api/offenders/${registeredId}/court-fast-tracks`)
          .send({ fastTrackedOn: '2026-11-01', reason: 'Lapse', court: 'Newcastle', hearingOn: '2026-12-01' }),
      409,
      'OFFENDER.NOT_ON_SCHEME',
    );
    expect(body.title).toBe('This offender is not on the scheme.');
  });

  it('refuses a stale or malformed If-Match', async () => {
    const contact = { contactOn: '2026-11-02', kind: 'phone', outcome: 'attended' };
    const body = await expectProblem(
      () => t.http.post(`/api/offenders/${adoptedId}/contacts`).set('If-Match', '"1"').send(contact),
      412,
      'REQUEST.STALE_VERSION',
    );
    expect(body.currentVersion).toBeGreaterThan(1);
    await expectProblem(() => t.http.post(`/api/offenders/${adoptedId}/contacts`).set('If-Match', 'yesterday').send(contact), 400, 'REQUEST.INVALID');
  });

  it('answers unknown routes with problem+json', async () => {
    await expectProblem(() => t.http.post(`/api/offenders/${adoptedId}/parole`).send({}), 404, 'REQUEST.NOT_FOUND');
  });
});
