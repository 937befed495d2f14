import { register, startTestApp, type TestApp } from './support/test-app';

describe('An auditor replaying what was true at a date, as it was known at a time', () => {
  let t: TestApp;
  let id: string;
  let beforeTheLateEntry: string;
  beforeAll(async () => {
    t = await startTestApp();
    id = await register(t.http, { registeredOn: '2026-01-02' });
    for (const month of ['01', '02', '04', '05', '06']) {
      await t.http.post(`/api/offenders/${id}/convictions`).send({ offence: 'theft-from-shops', offenceDate: `2026-${month}-02`, convictionDate: `2026-${month}-20`, court: 'Newcastle' }).expect(200);
    }
    const events = (await t.http.get(`/api/offenders/${id}/events`).expect(200)).body.events;
    beforeTheLateEntry = events.at(-1).recordedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The March conviction is only entered now.
    await t.http.post(`/api/offenders/${id}/convictions`).send({ offence: 'theft-from-shops', offenceDate: '2026-03-02', convictionDate: '2026-03-20', court: 'Newcastle' }).expect(200);
  });
  afterAll(() => t.close());

  it('shows a late conviction as true on the date it happened, as the record stands now', async () => {
    const auditor = (await t.user(['auditor'], [])).http;
    const { body } = await auditor.get(`/api/offenders/${id}/state`).query({ asAt: '2026-06-30' }).expect(200);
    expect(body).toMatchObject({ registered: true, asAt: '2026-06-30', events: { included: 7, laterThanAsAt: 0, recordedAfterKnownAt: 0 } });
    expect(body.summary.eligibility).toMatchObject({ eligible: true, score: 6 });
    // Provenance: the six convictions are what make them eligible.
    const convictions = (await auditor.get(`/api/offenders/${id}/events`).expect(200)).body.events.filter((e: { type: string }) => e.type === 'ConvictionRecorded');
    expect([...body.provenance.eligibility].sort()).toEqual(convictions.map((e: { eventId: string }) => e.eventId).sort());
    expect(body.provenance).toMatchObject({ currentStrand: [], intensity: [] });
  });

  it('shows the old picture as it was known before the late entry', async () => {
    const { body } = await t.http.get(`/api/offenders/${id}/state`).query({ asAt: '2026-06-30', knownAt: beforeTheLateEntry }).expect(200);
    expect(body).toMatchObject({ knownAt: beforeTheLateEntry, events: { included: 6, recordedAfterKnownAt: 1 } });
    expect(body.summary.eligibility).toMatchObject({ eligible: false, score: 5 });
  });

  it('says the offender was not registered yet on a date before registration', async () => {
    const { body } = await t.http.get(`/api/offenders/${id}/state`).query({ asAt: '2025-12-31' }).expect(200);
    expect(body).toMatchObject({ registered: false, summary: null, events: { included: 0, laterThanAsAt: 7 } });
  });

  it('refuses dates that are not dates', async () => {
    const { body } = await t.http.get(`/api/offenders/${id}/state`).query({ asAt: '2026-02-30', knownAt: 'yesterday' }).expect(400);
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['asAt', 'knownAt']);
  });
});
