import { adoptedOffender, startTestApp, type TestApp } from './support/test-app';

describe('An auditor checking the log has not been tampered with', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await adoptedOffender(t);
  });
  afterAll(() => t.close());

  it('re-checks every event’s hash and chain over the API, and finds the log intact', async () => {
    const auditor = (await t.user(['auditor'], [])).http;
    const { body } = await auditor.get('/api/audit/verify').expect(200);
    expect(body).toMatchObject({ ok: true, events: await t.store.headPosition(), streams: 1, firstBreak: null, checkedAt: expect.any(String) });
  });

  it('is for auditors: a caseworker is refused', async () => {
    expect((await t.http.get('/api/audit/verify').expect(403)).body.code).toBe('AUTH.FORBIDDEN');
  });
});
