import type TestAgent from 'supertest/lib/agent';
import { register, startTestApp, type TestApp } from './support/test-app';

describe('Correcting an offender’s record: retractions and rectifications, never edits', () => {
  let t: TestApp;
  let id: string;
  let convictionIds: string[];
  let admin: TestAgent;
  const events = async () => (await t.http.get(`/api/offenders/${id}/events`).expect(200)).body.events as { eventId: string; type: string; data: Record<string, unknown>; metadata: { actor: { username: string } } }[];
  const eligibility = async () => (await t.http.get(`/api/offenders/${id}`).expect(200)).body.eligibility;
  const candidates = async () => {
    await t.projected();
    return (await t.http.get('/api/reports/eligibility').expect(200)).body.candidates as { offenderId: string; eligibility: { score: number } }[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.user(['admin'], [])).http;
    id = await register(t.http, { registeredOn: '2026-01-05' });
    for (let month = 5; month <= 10; month++) {
      const m = String(month).padStart(2, '0');
      await t.http.post(`/api/offenders/${id}/convictions`).send({ offence: 'theft-from-shops', offenceDate: `2026-${m}-01`, convictionDate: `2026-${m}-15`, court: 'Newcastle' }).expect(200);
    }
    convictionIds = (await events()).filter((e) => e.type === 'ConvictionRecorded').map((e) => e.eventId);
  });
  afterAll(() => t.close());

  it('starts eligible on six convictions, in the record and in the eligibility report', async () => {
    expect(await eligibility()).toMatchObject({ eligible: true, score: 6 });
    expect((await candidates()).map((c) => c.offenderId)).toEqual([id]);
  });

  it('retracts a conviction recorded in error: eligibility falls in the record and the report, and the history keeps both', async () => {
    const { body } = await t.http.post(`/api/offenders/${id}/events/${convictionIds[0]}/retractions`).send({ reason: 'Another person’s conviction' }).expect(200);
    expect(body.events).toEqual([expect.objectContaining({ type: 'EventRetracted' })]);
    expect(await eligibility()).toMatchObject({ eligible: false, score: 5 });
    expect(await candidates()).toEqual([]);
    const history = await events();
    expect(history.find((e) => e.eventId === convictionIds[0])?.type).toBe('ConvictionRecorded');
    expect(history.at(-1)).toMatchObject({ type: 'EventRetracted', data: { eventId: convictionIds[0], reason: 'Another person’s conviction' }, metadata: { actor: { username: 'casey' } } });
  });

  it('rectifies a conviction with the corrected offence: the record counts the corrected one', async () => {
    await t.http
      .post(`/api/offenders/${id}/events/${convictionIds[1]}/rectifications`)
      .send({ reason: 'It was a burglary', conviction: { offence: 'burglary', offenceDate: '2026-06-01', convictionDate: '2026-06-15', court: 'Newcastle' } })
      .expect(200);
    // Five convictions, one of them a burglary (weight 2): a score of 6 again.
    expect(await eligibility()).toMatchObject({ eligible: true, score: 6 });
    expect((await candidates())[0]).toMatchObject({ offenderId: id, eligibility: { score: 6 } });
  });

  it('builds the same read models from zero as it kept live through the corrections', async () => {
    await admin.post('/api/projections/eligibility/rebuild').expect(202);
    let status;
    for (let i = 0; i < 200 && !status?.lastRebuild; i++) {
      status = (await admin.get('/api/projections').expect(200)).body.projections.find((p: { name: string }) => p.name === 'eligibility');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(status.lastRebuild.differences).toMatchObject({ onlyLive: 0, onlyRebuilt: 0, changed: 0 });
  });

  it('refuses what cannot be corrected, in words, and appends nothing', async () => {
    const before = (await events()).length;
    const registration = (await events())[0].eventId;
    expect((await t.http.post(`/api/offenders/${id}/events/${registration}/retractions`).send({ reason: 'x' }).expect(409)).body.code).toBe('EVENT.NOT_CORRECTABLE');
    expect((await t.http.post(`/api/offenders/${id}/events/${convictionIds[0]}/retractions`).send({ reason: 'again' }).expect(409)).body.code).toBe('EVENT.ALREADY_RETRACTED');
    expect((await t.http.post(`/api/offenders/${id}/events/00000000-0000-4000-8000-000000000000/retractions`).send({ reason: 'x' }).expect(404)).body.code).toBe('EVENT.NOT_FOUND');
    await t.http
      .post(`/api/offenders/${id}/events/${convictionIds[2]}/rectifications`)
      .send({ reason: 'x', arrest: { arrestedOn: '2026-06-01', offence: 'burglary' } })
      .expect(409);
    await t.http.post(`/api/offenders/${id}/events/${convictionIds[2]}/rectifications`).send({ reason: 'x' }).expect(400);
    await t.http.post(`/api/offenders/${id}/events/${convictionIds[2]}/retractions`).send({}).expect(400);
    const auditor = (await t.user(['auditor'], [])).http;
    await auditor.post(`/api/offenders/${id}/events/${convictionIds[2]}/retractions`).send({ reason: 'x' }).expect(403);
    expect((await events()).length).toBe(before);
  });
});
