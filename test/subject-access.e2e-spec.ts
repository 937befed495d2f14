import { SqliteAccessLog } from '@ppo/audit';
import { signedInBrowser } from './support/browser';
import type { Browser } from './support/forms';
import { adoptedOffender, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

describe('A subject access export: everything held about one person', () => {
  let t: TestApp;
  let id: string;
  let other: string;
  beforeAll(async () => {
    t = await startTestApp();
    id = await adoptedOffender(t, { crn: 'S112233', registeredOn: '2026-01-05' });
    await t.http.get(`/api/offenders/${id}`).expect(200);
    other = await adoptedOffender(t, { crn: 'S445566', registeredOn: '2026-01-05' });
    await t.projected();
    // A list that names both: the log entry has both subjects.
    await t.http.get('/api/offenders').expect(200);
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
    // Whom else a list named is not this person's data.
    expect(body.accessLog.filter((e: { route: string }) => e.route === 'GET /api/offenders')).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain(other);

    const auditor = (await t.user(['auditor'], [])).http;
    const { entries } = (await auditor.get('/api/audit/access-log').query({ subject: id, user: dpo.account.username }).expect(200)).body;
    expect(entries[0]).toMatchObject({ kind: 'disclosure', recipient: 'The data subject', route: 'GET /api/offenders/:offenderId/subject-access-export' });

    // A disclosure even when no recipient is named.
    await dpo.http.get(`/api/offenders/${id}/subject-access-export`).expect(200);
    const [unnamed] = (await auditor.get('/api/audit/access-log').query({ subject: id, user: dpo.account.username }).expect(200)).body.entries;
    expect(unnamed).toMatchObject({ kind: 'disclosure', route: 'GET /api/offenders/:offenderId/subject-access-export' });
    expect(unnamed.recipient).toBeUndefined();
  });

  it('is for the DPO alone', async () => {
    await t.http.get(`/api/offenders/${id}/subject-access-export`).expect(403);
    await (await t.user(['auditor'], [])).http.get(`/api/offenders/${id}/subject-access-export`).expect(403);
  });
});

describe('The printable subject access copy, for the DPO', () => {
  let t: TestApp;
  let id: string;
  let dpo: Browser;
  let log: SqliteAccessLog;
  const path = () => `/offenders/${id}/subject-access`;
  /** The visible text of a page, tags stripped and spaces squeezed. */
  const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

  beforeAll(async () => {
    t = await startTestApp();
    id = await adoptedOffender(t, { givenName: 'Sacha', familyName: 'Subject', crn: 'S445566', registeredOn: '2026-01-05' });
    await t.http.post(`/api/offenders/${id}/lapses`).send({ occurredOn: '2026-11-10', kind: 'drug-use', severity: 'minor', notes: 'Positive test' }).expect(200);
    await t.http.get(`/api/offenders/${id}`).set('X-Access-Purpose', 'Case review').expect(200);
    await t.projected();
    await t.user(['dpo'], [], { username: 'dora' });
    dpo = await signedInBrowser(t.app.getHttpServer(), 'dora', TEST_PASSWORD);
    log = t.app.get(SqliteAccessLog);
  });
  afterAll(() => t.close());

  it('first asks who the copy is for, and is linked from the offender’s page', async () => {
    expect((await dpo.get(`/offenders/${id}`).expect(200)).text).toContain(`href="${path()}">Produce a subject access copy</a>`);
    const asked = await dpo.get(path()).expect(200);
    expect(asked.text).toContain('<h1 class="govuk-heading-l">Produce a subject access copy</h1>');
    expect(asked.text).toContain('Sacha Subject');
    expect(asked.text).toMatch(/<form method="get" action="\/offenders\/[0-9a-f-]+\/subject-access"/);
    expect(asked.text).not.toContain('Their record, event by event');
    expect(log.search({ pageSize: 1 }).entries[0]).toMatchObject({ kind: 'consultation', username: 'dora', subjects: [id] });
  });

  it('shows every event in words, each read model and the access log, with when and by whom it was produced', async () => {
    const response = await dpo.get(path()).query({ recipient: 'The data subject' }).expect(200);
    const page = textOf(response.text);
    expect(page).toContain('Everything held about Sacha Subject');
    expect(page).toMatch(/Produced on \d+ \w+ \d{4} at \d+:\d{2}[ap]m Produced by Test dora \(dora\), data protection officer For The data subject/);
    expect(page).toContain('Case reference number (CRN) S445566');
    const stream = await t.store.readStream(`offender-${id}`);
    expect(page).toContain(`${stream.length} events, in the order they were written`);
    expect(page).toContain('Convicted of theft from shops at Newcastle Magistrates on 20 January 2026 (offence on 2 January 2026).');
    expect(page).toContain('Adopted onto the scheme Adopted on 1 July 2026 in the rehabilitate and resettle strand');
    expect(page).toContain('Minor lapse (drug use) on 10 November 2026: Positive test.');
    expect(page).toMatch(/by casey \(caseworker\)/);
    expect(page).toContain('Their record as the case lists show it');
    expect(page).toContain('Family name Subject');
    expect(page).toContain('Who recorded what about them');
    expect(page).toContain('Conviction recorded Record conviction');
    expect(page).toMatch(/casey \(Caseworker\) Consultation GET \/api\/offenders\/:offenderId Case review None/);
    expect(response.text).toContain('href="/assets/app/print.css" media="print"');
    expect(response.text.match(/class="app-print-section"/g)).toHaveLength(4);
    expect(response.text).toContain(`href="${path()}?recipient=The+data+subject&amp;format=json"`);
  });

  it('writes a disclosure to the access log, with the recipient when given', async () => {
    await dpo.get(path()).query({ recipient: '  Their solicitor ' }).expect(200);
    expect(log.search({ pageSize: 1 }).entries[0]).toMatchObject({ kind: 'disclosure', username: 'dora', role: 'dpo', route: 'GET /offenders/:offenderId/subject-access', subjects: [id], recipient: 'Their solicitor' });
    await dpo.get(path()).query({ recipient: '' }).expect(200);
    const [entry] = log.search({ pageSize: 1 }).entries;
    expect(entry).toMatchObject({ kind: 'disclosure', subjects: [id] });
    expect(entry.recipient).toBeUndefined();
    expect(log.verify().ok).toBe(true);
  });

  it('gives the same as the API’s export as data to download, itself a disclosure', async () => {
    const response = await dpo.get(path()).query({ recipient: 'The data subject', format: 'json' }).expect(200).expect('Content-Type', /application\/json/);
    expect(response.headers['content-disposition']).toBe(`attachment; filename=subject-access-${id}.json`);
    const stream = await t.store.readStream(`offender-${id}`);
    expect(response.body.events.map((e: { eventId: string }) => e.eventId)).toEqual(stream.map((e) => e.eventId));
    expect(Object.keys(response.body.readModels).sort()).toEqual(['activity', 'eligibility', 'offender_journey', 'scheme_timeline']);
    expect(log.search({ pageSize: 1 }).entries[0]).toMatchObject({ kind: 'disclosure', recipient: 'The data subject', url: `${path()}?recipient=The%20data%20subject&format=json` });
  });

  it('refuses a recipient too long to log with the error summary, showing and logging nothing', async () => {
    const before = log.search({ pageSize: 1 }).total;
    const response = await dpo.get(path()).query({ recipient: 'x'.repeat(201) }).expect(400);
    expect(response.text).toContain('There is a problem');
    expect(response.text).toContain('<a href="#recipient">Who it is for must be 200 characters or fewer</a>');
    expect(response.text).not.toContain('Sacha');
    expect(log.search({ pageSize: 1 }).total).toBe(before);
  });

  it('is for the DPO alone', async () => {
    const casey = await signedInBrowser(t.app.getHttpServer(), 'casey', TEST_PASSWORD);
    await casey.get(path()).query({ recipient: '' }).expect(403);
    await t.user(['auditor'], [], { username: 'audrey' });
    const auditor = await signedInBrowser(t.app.getHttpServer(), 'audrey', TEST_PASSWORD);
    await auditor.get(path()).expect(403);
    expect((await auditor.get(`/offenders/${id}`).expect(200)).text).not.toContain('subject-access');
  });
});
