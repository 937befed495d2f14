import type TestAgent from 'supertest/lib/agent';
import { SqliteAccessLog } from '@ppo/audit';
import type { Role } from '@ppo/auth';
import { signedInBrowser } from '../support/browser';
import { adoptedOffender, register, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

type Browser = Awaited<ReturnType<typeof signedInBrowser>>;

/** The visible text of a page, tags stripped and spaces squeezed, to assert on what a reader sees. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');

/** Names in the order a page lists them. */
const order = (html: string, names: string[]) => names.filter((n) => html.includes(n)).sort((a, b) => html.indexOf(a) - html.indexOf(b));

async function browserAs(t: TestApp, roles: Role[], areas: string[] = ['northumbria']): Promise<Browser> {
  const { account } = await t.user(roles, areas);
  return signedInBrowser(t.app.getHttpServer(), account.username, TEST_PASSWORD);
}

describe('The pages case workers read: home, the offender list, an offender’s record and the case reports', () => {
  let t: TestApp;
  let casey: Browser;
  let supervisor: Browser;
  let auditor: Browser;
  const ids = { sam: '', dana: '', wes: '', cara: '', olga: '' };

  /** Adopts an offender registered by `overrides`, with Casey and a police officer as their team. */
  async function supervised(overrides: Record<string, unknown>, police = 'PC Patel'): Promise<string> {
    const id = await adoptedOffender(t, overrides);
    await t.http.post(`/api/offenders/${id}/supervision-team`).send({ probationOfficer: 'Test casey', policeOfficer: police, assignedOn: '2026-07-01' }).expect(200);
    return id;
  }
  const contact = (id: string, contactOn: string, http: TestAgent = t.http) =>
    http.post(`/api/offenders/${id}/contacts`).send({ contactOn, kind: 'home-visit', outcome: 'attended' }).expect(200);

  beforeAll(async () => {
    t = await startTestApp();
    // Sam: seen on Monday and Tuesday, so his next contact (four a week) was due on Wednesday 18th; a lapse on the 10th.
    ids.sam = await supervised({ crn: 'X123456', givenName: 'Sam', familyName: 'Example' });
    for (const day of ['2026-11-16', '2026-11-17']) await contact(ids.sam, day);
    await t.http.post(`/api/offenders/${ids.sam}/lapses`).send({ occurredOn: '2026-11-10', kind: 'drug-use', severity: 'minor' }).expect(200);
    // Dana: seen yesterday, so due today. Wes: seen today, so due tomorrow; his police officer's name would be a spreadsheet formula.
    ids.dana = await supervised({ crn: 'D222222', givenName: 'Dana', familyName: 'Due' });
    await contact(ids.dana, '2026-11-19');
    ids.wes = await supervised({ crn: 'W444444', givenName: 'Wes', familyName: 'Week' }, '=HYPERLINK("http://x")');
    await contact(ids.wes, '2026-11-20');
    // Cara: registered with four convictions, one a burglary (weighing 2), and gang leadership (2): a score of 7, eligible, not adopted.
    ids.cara = await register(t.http, { crn: 'C333333', givenName: 'Cara', familyName: 'Candidate', dateOfBirth: '1995-02-03' });
    for (const [i, offence] of ['burglary', 'theft-from-shops', 'theft-from-shops', 'criminal-damage'].entries()) {
      await t.http.post(`/api/offenders/${ids.cara}/convictions`).send({ offence, offenceDate: `2026-0${i + 3}-01`, convictionDate: `2026-0${i + 3}-15`, court: 'Newcastle Magistrates' }).expect(200);
    }
    await t.http.post(`/api/offenders/${ids.cara}/harm-indicators`).send({ indicator: 'gang-leadership', recordedOn: '2026-08-01' }).expect(200);
    // A few more registered offenders, to page through.
    for (const [crn, givenName, familyName] of [['P100001', 'Ann', 'Abbot'], ['P100002', 'Ben', 'Brook'], ['P100003', 'Cy', 'Cole']]) {
      await register(t.http, { crn, givenName, familyName });
    }
    // Olga, in Cumbria: her team names someone called "Test casey" too, and she lapsed this week; Casey must never see her.
    const cumbria = await t.user(['caseworker'], ['cumbria']);
    const cumbrianSupervisor = await t.user(['supervisor'], ['cumbria']);
    ids.olga = await register(cumbria.http, { crn: 'Z999999', givenName: 'Olga', familyName: 'Outside', area: 'cumbria' });
    await cumbrianSupervisor.http.post(`/api/offenders/${ids.olga}/adoption`).send({ adoptedOn: '2026-10-01', reason: 'Panel: local priority' }).expect(200);
    await cumbria.http.post(`/api/offenders/${ids.olga}/supervision-team`).send({ probationOfficer: 'Test casey', policeOfficer: 'PC Patel', assignedOn: '2026-10-01' }).expect(200);
    await cumbria.http.post(`/api/offenders/${ids.olga}/lapses`).send({ occurredOn: '2026-11-15', kind: 'drug-use', severity: 'minor' }).expect(200);
    await t.projected();

    casey = await signedInBrowser(t.app.getHttpServer(), 'casey', TEST_PASSWORD);
    supervisor = await signedInBrowser(t.app.getHttpServer(), 'supervisor', TEST_PASSWORD);
    auditor = await browserAs(t, ['auditor'], []);
  });
  afterAll(() => t.close());

  describe('Home', () => {
    it('shows a case worker the offenders they supervise, the contacts overdue, due today and this week, and recent lapses, all in their areas', async () => {
      const page = textOf((await casey.get('/').expect(200)).text);
      expect(page).toContain('My offenders');
      expect(order(page, ['Dana Due', 'Sam Example', 'Wes Week'])).toEqual(['Dana Due', 'Sam Example', 'Wes Week']);
      expect(page).not.toContain('Cara Candidate');
      const [overdue, today, week] = ['Overdue (1)', 'Due today (1)', 'Due this week (1)'].map((heading) => page.indexOf(heading));
      expect(overdue).toBeGreaterThan(-1);
      expect(page.slice(overdue, today)).toContain('Sam Example 18 November 2026');
      expect(page.slice(today, week)).toContain('Dana Due 20 November 2026');
      expect(page.slice(week)).toContain('Wes Week 21 November 2026');
      expect(page.slice(page.indexOf('Recent lapses'))).toContain('Sam Example X123456 10 November 2026');
      expect(page).not.toContain('Olga');
    });

    it('shows a case worker no team names the supervised offenders of their areas instead', async () => {
      const page = textOf((await (await browserAs(t, ['caseworker'])).get('/').expect(200)).text);
      expect(page).toContain('Offenders in your areas');
      expect(page).toContain('Sam Example');
      expect(page).not.toContain('Olga');
    });

    it('gives other roles a start page with links to what they can use', async () => {
      const analyst = (await (await browserAs(t, ['analyst'])).get('/').expect(200)).text;
      expect(analyst).toContain('href="/dashboard"');
      expect(analyst).toContain('href="/caseloads"');
      expect(analyst).not.toContain('href="/offenders"');
      expect(analyst).not.toContain('Sam Example');
      const admin = (await (await browserAs(t, ['admin'], [])).get('/').expect(200)).text;
      expect(admin).toContain('href="/projections"');
      expect(admin).not.toContain('href="/dashboard"');
      const audit = (await auditor.get('/').expect(200)).text;
      for (const href of ['/offenders', '/eligibility', '/contacts-due', '/caseloads', '/dashboard', '/projections']) expect(audit).toContain(`href="${href}"`);
    });
  });

  describe('The offender list', () => {
    it('filters by status, strand, officer and a part of a name or CRN', async () => {
      const names = async (query: string) => order(textOf((await casey.get(`/offenders?${query}`).expect(200)).text), ['Sam Example', 'Dana Due', 'Wes Week', 'Cara Candidate', 'Ann Abbot']);
      expect(await names('status=on-scheme')).toEqual(['Dana Due', 'Sam Example', 'Wes Week']);
      expect(await names('status=registered&q=c3333')).toEqual(['Cara Candidate']);
      expect(await names('strand=rehabilitate-and-resettle&officer=Test+casey&q=exam')).toEqual(['Sam Example']);
      expect(await names('strand=prevent-and-deter')).toEqual([]);
      const filtered = (await casey.get('/offenders?status=on-scheme').expect(200)).text;
      expect(filtered).toContain('3 offenders');
      expect(filtered).toContain('Remove this filter</span> On scheme');
    });

    it('sorts through links in the column headers, marking the sorted column with aria-sort', async () => {
      const byName = (await casey.get('/offenders').expect(200)).text;
      expect(order(byName, ['Ann Abbot', 'Ben Brook', 'Cara Candidate', 'Sam Example'])).toEqual(['Ann Abbot', 'Ben Brook', 'Cara Candidate', 'Sam Example']);
      expect(byName).toMatch(/aria-sort="ascending">\s*<a class="govuk-link govuk-link--no-visited-state" href="\/offenders\?sort=-name">Name/);
      expect(byName).toMatch(/aria-sort="none">\s*<a class="govuk-link govuk-link--no-visited-state" href="\/offenders\?sort=last-contact">Last contact/);
      const reversed = (await casey.get('/offenders?sort=-name').expect(200)).text;
      expect(order(reversed, ['Ann Abbot', 'Ben Brook', 'Cara Candidate', 'Sam Example'])).toEqual(['Sam Example', 'Cara Candidate', 'Ben Brook', 'Ann Abbot']);
      expect(reversed).toContain('aria-sort="descending"');
      // Following the header's link, as a browser without JavaScript would.
      const href = /href="(\/offenders\?sort=last-contact)"/.exec(byName)![1];
      const byLastContact = (await casey.get(href).expect(200)).text;
      expect(byLastContact).toMatch(/aria-sort="ascending">\s*<a [^>]+href="\/offenders\?sort=-last-contact">Last contact/);
      expect(order(byLastContact, ['Sam Example', 'Dana Due', 'Wes Week'])).toEqual(['Sam Example', 'Dana Due', 'Wes Week']);
      const latestFirst = (await casey.get('/offenders?sort=-last-contact&status=on-scheme').expect(200)).text;
      expect(order(latestFirst, ['Sam Example', 'Dana Due', 'Wes Week'])).toEqual(['Wes Week', 'Dana Due', 'Sam Example']);
    });

    it('pages, keeping the filters and sort in the page links', async () => {
      const first = (await casey.get('/offenders?sort=name&pageSize=3').expect(200)).text;
      expect(order(first, ['Ann Abbot', 'Ben Brook', 'Cara Candidate', 'Cy Cole'])).toEqual(['Ann Abbot', 'Ben Brook', 'Cara Candidate']);
      expect(textOf(first)).toContain('Showing 1 to 3 of 7 total offenders');
      const next = /<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="next">/.exec(first)![1].replace(/&amp;/g, '&');
      expect(next).toBe('/offenders?pageSize=3&page=2');
      const second = (await casey.get(next).expect(200)).text;
      expect(order(second, ['Cara Candidate', 'Cy Cole', 'Dana Due', 'Sam Example'])).toEqual(['Cy Cole', 'Dana Due', 'Sam Example']);
    });

    it('never shows a case worker an offender of another area, even when they name that area', async () => {
      for (const query of ['', '?area=cumbria', '?q=Z999999', '?officer=Test+casey']) {
        const page = (await casey.get(`/offenders${query}`).expect(200)).text;
        expect(page).not.toContain('Olga');
        expect(page).not.toContain(ids.olga);
      }
      // Searching for her CRN finds no one (the page only repeats what was searched for).
      expect(textOf((await casey.get('/offenders?q=Z999999').expect(200)).text)).toContain('No offenders match');
      expect((await auditor.get('/offenders?q=Z999999').expect(200)).text).toContain('Olga Outside');
    });

    it('offers registration to those who may register, and refuses the list to roles without case lists', async () => {
      expect((await casey.get('/offenders').expect(200)).text).toContain('href="/offenders/new"');
      expect((await auditor.get('/offenders').expect(200)).text).not.toContain('href="/offenders/new"');
      await (await browserAs(t, ['analyst'])).get('/offenders').expect(403);
    });
  });

  describe('An offender’s record', () => {
    it('shows who they are, their strand and intensity as tags, and where they stand today', async () => {
      const html = (await casey.get(`/offenders/${ids.sam}`).expect(200)).text;
      expect(html).toContain('<title>Sam Example (CRN X123456) – PPO Journey</title>');
      expect(html.match(/<h1/g)).toHaveLength(1);
      const bar = textOf(html.slice(html.indexOf('moj-identity-bar'), html.indexOf('</h1>')));
      expect(bar).toContain('Sam Example CRN: X123456 Date of birth: 12 April 1990 Area: Northumbria');
      expect(html).toContain('Strand: Rehabilitate and resettle</strong>');
      expect(html).toContain('Intensity: Intensive</strong>');
      expect(html).toContain('Escalated after a lapse</strong>');
      const summary = textOf(html.slice(html.indexOf('govuk-summary-list'), html.indexOf('Journey</h2>')));
      for (const row of [
        'Status On scheme',
        'Strands Rehabilitate and resettle (current)',
        'Contacts a week 4 a week',
        'Intensity Intensive, escalated after a lapse in the last 28 days',
        'Supervision team Test casey (probation) and PC Patel (police), since 1 July 2026',
        'Last contact 17 November 2026',
        'Next contact due 18 November 2026 (overdue)',
        'Contacts in the last 7 days 2 contacts of 4 required',
        'Contacts in the last 28 days 2 contacts of 16 required',
        'Last lapse 10 November 2026',
        'Lapses in the last 90 days 1',
        'Fast-tracks to court 0',
        'Next review due 1 January 2027',
        'Eligibility Meets the area’s criteria today: a score of 6 against a threshold of 6',
      ]) {
        expect(summary).toContain(row);
      }
    });

    it('shows every event of the journey, newest first, with when it happened, when it was recorded and who recorded it', async () => {
      const { body } = await t.http.get(`/api/offenders/${ids.sam}/events`).expect(200);
      const html = (await casey.get(`/offenders/${ids.sam}`).expect(200)).text;
      const entries = html.split('class="moj-timeline__item"').slice(1).map(textOf);
      expect(entries).toHaveLength(body.events.length);
      // Registered today, after the convictions it was registered with: the journey runs by when things happened.
      expect(entries[0]).toContain('Registered by casey (caseworker) 20 November 2026 Sam Example (CRN X123456) registered in Northumbria on 20 November 2026.');
      expect(entries[1]).toContain('Contact recorded by casey (caseworker) 17 November 2026 Home visit on 17 November 2026: attended.');
      // recordedAt is the server's real time of the append, not the test's fixed "today".
      expect(entries[1]).toMatch(/Recorded on \d{1,2} \w+ \d{4} at \d{1,2}:\d{2}(am|pm)/);
      expect(entries[2]).toContain('Contact recorded by casey (caseworker) 16 November 2026');
      expect(entries[3]).toContain('Lapse recorded by casey (caseworker) 10 November 2026 Minor lapse (drug use) on 10 November 2026.');
      expect(entries.find((e) => e.includes('Adopted onto the scheme'))).toContain('by supervisor (supervisor) 1 July 2026');
      expect(entries.at(-1)).toContain('Conviction recorded by casey (caseworker) 20 January 2026 Convicted of theft from shops at Newcastle Magistrates');
    });

    it('offers a case worker the day-to-day forms but not adoption or deselection, a supervisor those too, and an auditor none', async () => {
      const caseworkerView = (await casey.get(`/offenders/${ids.sam}`).expect(200)).text;
      for (const action of ['record-lapse', 'record-contact', 'fast-track-to-court', 'increase-contact-frequency', 'start-custody']) expect(caseworkerView).toContain(`href="/offenders/${ids.sam}/${action}"`);
      for (const action of ['adopt-offender', 'deselect-offender', 'change-strand', 'release-from-custody']) expect(caseworkerView).not.toContain(`href="/offenders/${ids.sam}/${action}"`);
      // Reduced contact needs 28 stable days; the form decides that, the page only hides what cannot apply.
      expect(caseworkerView).toContain(`href="/offenders/${ids.sam}/reduce-contact-frequency"`);

      const candidateForCaseworker = (await casey.get(`/offenders/${ids.cara}`).expect(200)).text;
      expect(candidateForCaseworker).not.toContain('/adopt-offender"');
      expect(candidateForCaseworker).not.toContain(`href="/offenders/${ids.cara}/record-lapse"`);
      expect(candidateForCaseworker).toContain(`href="/offenders/${ids.cara}/record-conviction"`);
      const candidateForSupervisor = (await supervisor.get(`/offenders/${ids.cara}`).expect(200)).text;
      expect(candidateForSupervisor).toContain(`href="/offenders/${ids.cara}/adopt-offender"`);
      expect((await supervisor.get(`/offenders/${ids.sam}`).expect(200)).text).toContain(`href="/offenders/${ids.sam}/deselect-offender"`);

      const auditorView = (await auditor.get(`/offenders/${ids.sam}`).expect(200)).text;
      expect(auditorView).toContain('Sam Example');
      expect(auditorView).not.toContain('Actions</h2>');
      // Only the replay of the record, which reads; no form.
      expect(auditorView).not.toMatch(new RegExp(`href="/offenders/${ids.sam}/(?!replay")`));
      expect(auditorView).toContain(`href="/offenders/${ids.sam}/replay"`);
    });

    it('answers 404 for an offender of another area, as for one that does not exist, but shows them to an auditor', async () => {
      const refused = await casey.get(`/offenders/${ids.olga}`).expect(404);
      expect(refused.text).not.toContain('Olga');
      await casey.get('/offenders/3c000000-0000-4000-8000-000000000000').expect(404);
      // Not an id at all: left to any later route, so the registration form at /offenders/new answers; otherwise 404.
      await casey.get('/offenders/not-an-id').expect(404);
      expect((await casey.get('/offenders/new').expect(200)).text).toContain('<title>Register an offender');
      expect((await auditor.get(`/offenders/${ids.olga}`).expect(200)).text).toContain('Olga Outside');
      await (await browserAs(t, ['analyst'])).get(`/offenders/${ids.sam}`).expect(403);
    });
  });

  it('writes what each page showed to the s.62 access log: the home page’s offenders, and a CSV as a disclosure', async () => {
    const log = t.app.get(SqliteAccessLog);
    await casey.get('/').expect(200);
    expect(log.search({ pageSize: 1 }).entries[0]).toMatchObject({ kind: 'consultation', username: 'casey', role: 'caseworker', route: 'GET /' });
    expect(log.search({ pageSize: 1 }).entries[0].subjects.sort()).toEqual([ids.sam, ids.dana, ids.wes].sort());
    await casey.get('/eligibility?format=csv').expect(200);
    expect(log.search({ pageSize: 1 }).entries[0]).toMatchObject({ kind: 'disclosure', route: 'GET /eligibility', subjects: [ids.cara] });
  });

  describe('Case reports', () => {
    it('shows the candidates for the scheme with the evidence, and the adoption form to supervisors', async () => {
      const html = (await casey.get('/eligibility').expect(200)).text;
      const page = textOf(html);
      expect(page).toContain('1 candidate, highest score first');
      expect(page).toContain('Cara Candidate CRN C333333');
      expect(page).toContain('7 of 6 needed');
      expect(page).toContain('4 convictions since 21 November 2025: burglary (1), theft from shops (2), criminal damage (1)');
      expect(page).toContain('Priority offences: burglary (1)');
      expect(page).toContain('Harm indicators: gang leadership (1)');
      expect(html).toContain(`href="/offenders/${ids.cara}"`);
      expect(html).not.toContain('/adopt-offender"');
      expect((await supervisor.get('/eligibility').expect(200)).text).toContain(`href="/offenders/${ids.cara}/adopt-offender"`);
    });

    it('gives the candidates as CSV from the page itself, with the API’s columns', async () => {
      expect((await casey.get('/eligibility').expect(200)).text).toContain('href="/eligibility?format=csv"');
      const csv = await casey.get('/eligibility?format=csv').expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe('attachment; filename="eligibility.csv"');
      const [header, row, end] = csv.text.split('\n');
      expect(header).toBe('asOf,offenderId,crn,givenName,familyName,area,status,score,threshold,windowStart,convictionsInWindow,priorityConvictions,harmIndicators');
      expect(row).toBe(`2026-11-20,${ids.cara},C333333,Cara,Candidate,northumbria,registered,7,6,2025-11-21,4,1,1`);
      expect(end).toBe('');
    });

    it('lists contacts due with the overdue ones marked, and as CSV with formula cells defused', async () => {
      const page = textOf((await casey.get('/contacts-due').expect(200)).text);
      expect(page).toContain('3 contacts due, 1 overdue');
      expect(page).toContain('Sam Example CRN X123456 18 November 2026 Overdue 17 November 2026 4 a week Test casey, PC Patel');
      expect(page).toContain('Dana Due CRN D222222 20 November 2026 Today');
      expect(page).not.toContain('Olga');
      const csv = await casey.get('/contacts-due?format=csv').expect(200);
      const lines = csv.text.trim().split('\n');
      expect(lines[0]).toBe('asOf,offenderId,crn,givenName,familyName,area,probationOfficer,policeOfficer,contactsPerWeek,lastContactOn,dueOn,overdue');
      expect(lines).toContain(`2026-11-20,${ids.sam},X123456,Sam,Example,northumbria,Test casey,PC Patel,4,2026-11-17,2026-11-18,true`);
      expect(lines.find((l) => l.includes('W444444'))).toContain(`"'=HYPERLINK(""http://x"")"`);
    });

    it('shows supervisors each officer’s caseload this week, and as CSV, but not case workers', async () => {
      const page = textOf((await supervisor.get('/caseloads').expect(200)).text);
      expect(page).toContain('Caseloads for the week starting 16 November 2026');
      // Three offenders at four a week; contacts attended since Monday: Sam 2, Dana 1, Wes 1.
      expect(page).toContain('Test casey Probation 3 0 12 4 1');
      expect(page).toContain('PC Patel Police 2 0 8 3 1');
      expect(page).not.toContain('Sam Example');
      const csv = await supervisor.get('/caseloads?format=csv').expect(200);
      expect(csv.text.split('\n')).toContain('2026-11-16,Test casey,probation,3,0,12,4,1');
      await casey.get('/caseloads').expect(403);
    });
  });

});
