import { SqliteAccessLog } from '@ppo/audit';
import type TestAgent from 'supertest/lib/agent';
import { signedInBrowser } from './support/browser';
import { register, startTestApp, TEST_PASSWORD, TODAY, type TestApp } from './support/test-app';

/** Registers an offender in 2018, has the panel adopt them and, on `deselectedOn`, deselects them with an exit plan. */
async function deselectedOffender(t: TestApp, deselectedOn: string, overrides: Record<string, unknown>): Promise<string> {
  const id = await register(t.http, { registeredOn: '2018-01-08', ...overrides });
  await t.supervisor.http.post(`/api/offenders/${id}/adoption`).send({ adoptedOn: '2018-02-05', reason: 'Panel decision on police intelligence' }).expect(200);
  await t.supervisor.http
    .post(`/api/offenders/${id}/deselection`)
    .send({ deselectedOn, reason: 'stable-and-order-complete', exitPlan: { summary: 'Housing and work secured', voluntarySupport: ['Housing support'] } })
    .expect(200);
  return id;
}

describe('The retention review: deselected records due for review after the retention period, unless a legal hold keeps them', () => {
  let t: TestApp;
  let dpo: TestAgent;
  let due: string;
  let notYet: string;

  beforeAll(async () => {
    t = await startTestApp();
    dpo = (await t.user(['dpo'], [], { username: 'dee' })).http;
    // Six years and more before TODAY (2026-11-20): due. The other has two months to go.
    due = await deselectedOffender(t, '2020-06-30', { crn: 'D100001', familyName: 'Longgone' });
    notYet = await deselectedOffender(t, '2021-01-20', { crn: 'D100002', familyName: 'Recent' });
    await t.projected();
  });
  afterAll(() => t.close());

  const review = async () => (await dpo.get('/api/reports/retention-review').expect(200)).body;

  it('lists a record deselected more than six years ago as due, with the due date and how long overdue', async () => {
    const body = await review();
    expect(body).toMatchObject({ asOf: TODAY, due: { total: 1, page: 1, pageSize: 25 }, held: { items: [], total: 0 } });
    expect(body.due.items).toEqual([
      {
        offenderId: due, crn: 'D100001', givenName: 'Sam', familyName: 'Longgone', area: 'northumbria',
        deselectedOn: '2020-06-30', retentionYears: 6, dueOn: '2026-06-30', daysOverdue: 143, legalHoldSince: null, restricted: false,
      },
    ]);
    expect(JSON.stringify(body)).not.toContain(notYet);
  });

  it('is for the DPO and auditors, logs each consultation, and answers a bad page with problem+json', async () => {
    await t.http.get('/api/reports/retention-review').expect(403);
    await t.supervisor.http.get('/api/reports/retention-review').expect(403);
    const auditor = (await t.user(['auditor'], [])).http;
    expect((await auditor.get('/api/reports/retention-review').expect(200)).body.due.total).toBe(1);
    const bad = await dpo.get('/api/reports/retention-review?page=0').expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    await review();
    const [entry] = t.app.get(SqliteAccessLog).search({ pageSize: 1 }).entries;
    expect(entry).toMatchObject({ kind: 'consultation', username: 'dee', route: 'GET /api/reports/retention-review', subjects: [due] });
  });

  it('gives the whole list as CSV', async () => {
    const csv = await dpo.get('/api/reports/retention-review?format=csv&pageSize=1').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.trim().split('\n')).toEqual([
      'asOf,review,offenderId,crn,givenName,familyName,area,deselectedOn,retentionYears,dueOn,daysOverdue,legalHoldSince,restricted',
      `${TODAY},due,${due},D100001,Sam,Longgone,northumbria,2020-06-30,6,2026-06-30,143,,false`,
    ]);
  });

  it('shows the page to the DPO, in the navigation, each record linking to the offender’s page', async () => {
    const browser = await signedInBrowser(t.app.getHttpServer(), 'dee', TEST_PASSWORD);
    const home = await browser.get('/').expect(200);
    expect(home.text).toContain('href="/retention-review"');
    const page = await browser.get('/retention-review').expect(200);
    expect(page.text).toContain('1 record due for review');
    expect(page.text).toContain(`href="/offenders/${due}"`);
    expect(page.text).toContain('30 June 2026');
    expect(page.text).toContain('4 months');
    expect(page.text).not.toContain(notYet);
    const csv = await browser.get('/retention-review?format=csv').expect(200);
    expect(csv.text).toContain(`${TODAY},due,${due}`);
  });

  it('moves a record under a legal hold to the held list, and back once the hold is released', async () => {
    await dpo.post(`/api/offenders/${due}/legal-hold`).send({ reason: 'Civil claim against the force' }).expect(200);
    await t.projected();
    const held = await review();
    expect(held.due).toMatchObject({ items: [], total: 0 });
    expect(held.held.items).toEqual([expect.objectContaining({ offenderId: due, dueOn: '2026-06-30', legalHoldSince: TODAY })]);
    expect(JSON.stringify(held)).not.toContain('Civil claim');
    const browser = await signedInBrowser(t.app.getHttpServer(), 'dee', TEST_PASSWORD);
    expect((await browser.get('/retention-review').expect(200)).text).toContain('Kept by a legal hold');

    await dpo.post(`/api/offenders/${due}/legal-hold/release`).send({ reason: 'Claim settled' }).expect(200);
    await t.projected();
    expect((await review()).due.items.map((i: { offenderId: string }) => i.offenderId)).toEqual([due]);
  });

  it('drops a record once its personal data is erased', async () => {
    await dpo.post(`/api/offenders/${due}/erasure`).send({ ground: 'retention-period-ended' }).expect(200);
    await t.projected();
    expect(await review()).toMatchObject({ due: { items: [], total: 0 }, held: { items: [], total: 0 } });
  });
});
