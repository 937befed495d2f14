import type TestAgent from 'supertest/lib/agent';
import { signedInBrowser } from './support/browser';
import { adoptedOffender, register, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

describe('Restricting processing of a record (DPA 2018 ss.46-48)', () => {
  let t: TestApp;
  let dpo: TestAgent;
  let auditor: TestAgent;
  let restricted: string;
  let other: string;
  const CRN = 'R135790';

  beforeAll(async () => {
    t = await startTestApp();
    dpo = (await t.user(['dpo'], [])).http;
    auditor = (await t.user(['auditor'], [])).http;
    restricted = await adoptedOffender(t, { crn: CRN, familyName: 'Restricted', registeredOn: '2026-01-05' });
    other = await adoptedOffender(t, { crn: 'O246802', familyName: 'Visible', registeredOn: '2026-01-05' });
    for (const id of [restricted, other]) {
      await t.http.post(`/api/offenders/${id}/supervision-team`).send({ probationOfficer: 'PO Jones', policeOfficer: 'PC Patel', assignedOn: '2026-07-02' }).expect(200);
    }
    const { body } = await dpo.post(`/api/offenders/${restricted}/restriction`).send({ reason: 'Accuracy contested by the data subject' }).expect(200);
    expect(body.events).toEqual([expect.objectContaining({ type: 'ProcessingRestricted' })]);
    await t.projected();
  });
  afterAll(() => t.close());

  it('hides the record from a caseworker: as if it did not exist, for reads and commands, and nothing is appended', async () => {
    const head = await t.store.headPosition();
    for (const path of ['', '/events', '/state?asAt=2026-11-20']) {
      expect((await t.http.get(`/api/offenders/${restricted}${path}`).expect(404)).body.code).toBe('OFFENDER.NOT_REGISTERED');
    }
    await t.http.post(`/api/offenders/${restricted}/contacts`).send({ contactOn: '2026-11-19', kind: 'office', outcome: 'attended' }).expect(404);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('leaves it out of every list, report and CSV a caseworker or supervisor reads', async () => {
    const reads: [TestAgent, string][] = [
      [t.http, '/api/offenders'],
      [t.http, '/api/reports/contacts-due'],
      [t.http, '/api/reports/contacts-due?format=csv'],
      [t.http, '/api/reports/eligibility?format=csv'],
      [t.supervisor.http, '/api/reports/caseloads'],
    ];
    for (const [client, url] of reads) {
      const response = await client.get(url);
      expect([url, response.status]).toEqual([url, 200]);
      expect(response.text).not.toContain(restricted);
      expect(response.text).not.toContain(CRN);
    }
    expect((await t.http.get('/api/offenders').expect(200)).body.items.map((i: { offenderId: string }) => i.offenderId)).toEqual([other]);
    // The supervisor's caseload counts only the visible offender.
    const caseloads = (await t.supervisor.http.get('/api/reports/caseloads').expect(200)).body.caseloads;
    expect(caseloads.find((c: { officer: string }) => c.officer === 'PO Jones').offenders).toBe(1);
  });

  it('leaves it out of a caseworker’s pages: the record answers 404 and no list names it', async () => {
    const browser = await signedInBrowser(t.app.getHttpServer(), 'casey', TEST_PASSWORD);
    await browser.get(`/offenders/${restricted}`).expect(404);
    for (const page of ['/', '/offenders', '/contacts-due', '/eligibility', '/offenders?format=csv', '/contacts-due?format=csv']) {
      const response = await browser.get(page);
      expect(response.text).not.toContain(restricted);
      expect(response.text).not.toContain('Restricted');
    }
  });

  it('still shows it to an auditor and the DPO, with the reason', async () => {
    for (const client of [auditor, dpo]) {
      const { body } = await client.get(`/api/offenders/${restricted}`).expect(200);
      expect(body.restriction).toEqual({ reason: 'Accuracy contested by the data subject', since: '2026-11-20' });
    }
    expect((await auditor.get('/api/offenders').expect(200)).body.items.map((i: { offenderId: string }) => i.offenderId).sort()).toEqual([other, restricted].sort());
  });

  it('lists it on an auditor’s pages as the API does', async () => {
    await t.user(['auditor'], [], { username: 'audrey' });
    const browser = await signedInBrowser(t.app.getHttpServer(), 'audrey', TEST_PASSWORD);
    expect((await browser.get('/offenders').expect(200)).text).toContain(restricted);
  });

  it('is for the DPO alone to impose and lift; lifting it makes the record visible again', async () => {
    await t.supervisor.http.post(`/api/offenders/${other}/restriction`).send({ reason: 'x' }).expect(403);
    await auditor.post(`/api/offenders/${other}/restriction`).send({ reason: 'x' }).expect(403);
    expect((await dpo.post(`/api/offenders/${restricted}/restriction`).send({ reason: 'again' }).expect(409)).body.code).toBe('OFFENDER.ALREADY_RESTRICTED');
    await dpo.post(`/api/offenders/${restricted}/restriction/lifting`).send({ reason: 'Accuracy confirmed' }).expect(200);
    await t.projected();
    expect((await t.http.get(`/api/offenders/${restricted}`).expect(200)).body.restriction).toBeNull();
    expect((await t.http.get('/api/offenders').expect(200)).body.total).toBe(2);
  });
});
