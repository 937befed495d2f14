import { adoptedOffender, startTestApp, type TestApp } from './support/test-app';

describe('A subject access export: everything held about one person', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await startTestApp();
    id = await adoptedOffender(t, { crn: 'S112233', registeredOn: '2026-01-05' });
    await t.http.get(`/api/offenders/${id}`).expect(200);
    await t.projected();
  });
  afterAll(() => t.close());

  it('gives the DPO the stream, each read model’s rows and the access log about them, and logs it as a disclosure to the subject', async () => {
    const dpo = await t.user(['dpo'], []);
    const { body } = await dpo.http.get(`/api/offenders/${id}/subject-access-export`).set('X-Disclosure-Recipient', 'The data subject').expect(200);
    const stream = await t.store.readStream(`offender-${id}`);
    expect(body.events.map((e: { eventId: string }) => e.eventId)).toEqual(stream.map((e) => e.eventId));
    expect(body.readModels.offender_journey).toEqual([expect.objectContaining({ offender_id: id, crn: 'S112233' })]);
    expect(body.readModels.eligibility).toHaveLength(1);
    expect(body.readModels.scheme_timeline).toHaveLength(1);
    expect(body.readModels.activity).toHaveLength(stream.length);
    expect(body.accessLog).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'casey', kind: 'consultation', subjects: [id] })]));

    const auditor = (await t.user(['auditor'], [])).http;
    const { entries } = (await auditor.get('/api/audit/access-log').query({ subject: id, user: dpo.account.username }).expect(200)).body;
    expect(entries[0]).toMatchObject({ kind: 'disclosure', recipient: 'The data subject', route: 'GET /api/offenders/:offenderId/subject-access-export' });
  });

  it('is for the DPO alone', async () => {
    await t.http.get(`/api/offenders/${id}/subject-access-export`).expect(403);
    await (await t.user(['auditor'], [])).http.get(`/api/offenders/${id}/subject-access-export`).expect(403);
  });
});
