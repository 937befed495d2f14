import { SqliteAccessLog } from '@ppo/audit';
import { signedInBrowser } from '../support/browser';
import { register, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

type Browser = Awaited<ReturnType<typeof signedInBrowser>>;

/** The visible text of a page, tags stripped and spaces squeezed, to assert on what a reader sees. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ,/g, ',');

/** The text of the GOV.UK error summary's list, or '' when there is none. */
const errorSummaryOf = (html: string) => textOf(/<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '');

/** The text of a page's first table, without the header's "Signed in as". */
const tableOf = (html: string) => textOf(/<table[\s\S]*?<\/table>/.exec(html)?.[0] ?? '');

/**
 * Tomorrow on the London clock, as the boxes of a GOV.UK date input: a moment on it is after every entry of the test,
 * whatever time of day it runs (the events' entry times are real time, not the test clock).
 */
const londonTomorrow = () => {
  const [day, month, year] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
    .format(new Date(Date.now() + 24 * 60 * 60 * 1000))
    .split('/');
  return { day, month, year };
};

/** What a browser would send from a page's GET form as it stands: every text box's name and value. */
const formValuesOf = (html: string) => {
  const form = /<form method="get"[\s\S]*?<\/form>/.exec(html)![0];
  return Object.fromEntries([...form.matchAll(/<input[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
};

/** The text between two headings of a page. */
const between = (page: string, start: string, end: string) => page.slice(page.indexOf(start), end ? page.indexOf(end, page.indexOf(start)) : undefined);

describe('The auditor’s pages: replaying an offender’s record and searching the access log', () => {
  let t: TestApp;
  let auditor: Browser;
  let casey: Browser;
  let id: string;
  let beforeTheLateEntry: string;

  beforeAll(async () => {
    t = await startTestApp();
    // As in test/bitemporal-replay: five shop thefts this year, then the March one entered late.
    id = await register(t.http, { registeredOn: '2026-01-02', givenName: 'Lena', familyName: 'Late', crn: 'L555555' });
    for (const month of ['01', '02', '04', '05', '06']) {
      await t.http.post(`/api/offenders/${id}/convictions`).send({ offence: 'theft-from-shops', offenceDate: `2026-${month}-02`, convictionDate: `2026-${month}-20`, court: 'Newcastle' }).expect(200);
    }
    const events = (await t.http.get(`/api/offenders/${id}/events`).expect(200)).body.events;
    beforeTheLateEntry = events.at(-1).recordedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await t.http.post(`/api/offenders/${id}/convictions`).send({ offence: 'theft-from-shops', offenceDate: '2026-03-02', convictionDate: '2026-03-20', court: 'Newcastle' }).expect(200);
    await t.projected();
    await t.user(['auditor'], [], { username: 'audrey' });
    auditor = await signedInBrowser(t.app.getHttpServer(), 'audrey', TEST_PASSWORD);
    casey = await signedInBrowser(t.app.getHttpServer(), 'casey', TEST_PASSWORD);
  });
  afterAll(() => t.close());

  describe('Replay', () => {
    it('shows a late conviction making the offender eligible between the record as known before its entry and as it stands now', async () => {
      const response = await auditor.get(`/offenders/${id}/replay`).query({ asAt: '2026-06-30', knownAt: beforeTheLateEntry, compareAsAt: '2026-06-30' }).expect(200);
      const page = textOf(response.text);
      expect(page).toContain('Replay the record');
      expect(page).toContain('Lena Late (CRN L555555)');
      const differences = between(page, 'What differs', 'What the record said');
      expect(differences).toContain(
        'Eligibility: “Does not meet the criteria: a score of 5 against a threshold of 6, counting from 1 July 2025” at the first point, “Meets the criteria: a score of 6 against a threshold of 6, counting from 1 July 2025” at the second.',
      );
      expect(differences).toContain('Events included: “6” at the first point, “7” at the second.');
      expect(differences).toContain('Events that happened by the date but were entered after the moment: “1” at the first point, “0” at the second.');
      expect(differences).not.toContain('Status');
      const table = between(page, 'What the record said', 'Events behind each point');
      expect(table).toContain('Eligibility Does not meet the criteria');
      expect(table).toMatch(/Eligibility .* Differs/);
      expect(table).toContain('Status Registered Registered Same');
    });

    it('names the events behind the eligibility at each point by title and date, and the late entry left out of the first', async () => {
      const page = textOf((await auditor.get(`/offenders/${id}/replay`).query({ asAt: '2026-06-30', knownAt: beforeTheLateEntry, compareAsAt: '2026-06-30' }).expect(200)).text);
      const first = between(page, 'At the first point', 'At the second point');
      const second = between(page, 'At the second point', 'Choose other points');
      expect(first.match(/Conviction recorded, \d+ \w+ 2026/g)).toHaveLength(5 + 1);
      expect(between(first, 'Eligibility', 'Entered after the moment')).not.toContain('20 March 2026');
      expect(between(first, 'Entered after the moment, so left out', '')).toContain('Conviction recorded, 20 March 2026');
      expect(second.match(/Conviction recorded, \d+ \w+ 2026/g)).toHaveLength(6);
      expect(second).toContain('Conviction recorded, 20 March 2026 Only at this point');
      expect(second).toContain('Convicted of theft from shops at Newcastle on 20 March 2026');
      expect(second).not.toContain('Entered after the moment');
      expect(page).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    });

    it('sends the form as it was filled in back to the same replay, so it works without JavaScript', async () => {
      const linked = await auditor.get(`/offenders/${id}/replay`).query({ asAt: '2026-06-30', knownAt: beforeTheLateEntry, compareAsAt: '2026-06-30' }).expect(200);
      const values = formValuesOf(linked.text);
      expect(values).toMatchObject({ 'asAt-day': '30', 'asAt-month': '6', 'asAt-year': '2026', 'compareAsAt-day': '30', 'compareKnownAt-day': '', compareKnownAtTime: '' });
      const sent = await auditor.get(`/offenders/${id}/replay`).query(values).expect(200);
      const differences = (html: string) => between(textOf(html), 'What differs', 'What the record said');
      expect(differences(sent.text)).toEqual(differences(linked.text));
      expect(differences(sent.text)).toContain('Eligibility: “Does not meet the criteria');
    });

    it('takes the points from GOV.UK date inputs and a London time, and says the offender was not registered before registration', async () => {
      const tomorrow = londonTomorrow();
      const page = textOf(
        (
          await auditor
            .get(`/offenders/${id}/replay`)
            .query({ 'asAt-day': '31', 'asAt-month': '12', 'asAt-year': '2025', 'knownAt-day': '', 'knownAt-month': '', 'knownAt-year': '', knownAtTime: '' })
            .query({ 'compareAsAt-day': '30', 'compareAsAt-month': '6', 'compareAsAt-year': '2026', 'compareKnownAt-day': tomorrow.day, 'compareKnownAt-month': tomorrow.month, 'compareKnownAt-year': tomorrow.year, compareKnownAtTime: '11:30pm' })
            .expect(200)
        ).text,
      );
      expect(page).toContain('The offender was not yet registered at the first point and was registered at the second, as the record stood at each.');
      expect(page).not.toContain('Eligibility: “Not registered”');
      expect(page).toMatch(/As at 31 December 2025, as known now \(everything recorded, the latest entry on \d+ \w+ \d{4} at \d+:\d{2}[ap]m\)/);
      expect(page).toMatch(/As at 30 June 2026, as known at \d+ \w+ \d{4} at 11:30pm/);
      expect(page).toContain('Eligibility Not registered Meets the criteria: a score of 6 against a threshold of 6');
      expect(between(page, 'At the first point', 'At the second point')).toContain('Not registered on this date');
    });

    it('shows the empty form until points are chosen', async () => {
      const page = textOf((await auditor.get(`/offenders/${id}/replay`).expect(200)).text);
      expect(page).toContain('Choose the points to compare');
      expect(page).not.toContain('What the record said');
    });

    it('refuses dates that are not dates with the error summary, and shows nothing of the record', async () => {
      const response = await auditor
        .get(`/offenders/${id}/replay`)
        .query({ 'asAt-day': '30', 'asAt-month': '2', 'asAt-year': '2026', 'knownAt-day': '1', 'knownAt-month': '', 'knownAt-year': '2026', knownAtTime: '25:00', compareKnownAtTime: '9am' })
        .expect(400);
      expect(errorSummaryOf(response.text)).toContain('There is a problem');
      expect(errorSummaryOf(response.text)).toContain('Date for the first point must be a real date');
      expect(errorSummaryOf(response.text)).toContain('Known-at date for the first point must include a month');
      expect(errorSummaryOf(response.text)).toContain('Known-at time for the first point must be a real time, like 9:30am or 14:05');
      expect(errorSummaryOf(response.text)).toContain('Enter the known-at date for the second point as well as the time');
      expect(response.text).toContain('href="#knownAt-month"');
      expect(response.text).not.toContain('Lena');
      expect(response.text).not.toContain('What the record said');
      const missing = await auditor.get(`/offenders/${id}/replay`).query({ 'asAt-day': '', 'asAt-month': '', 'asAt-year': '' }).expect(400);
      expect(errorSummaryOf(missing.text)).toContain('Enter the date for the first point');
      await auditor.get(`/offenders/${id}/replay`).query({ asAt: '2026-02-30' }).expect(400);
    });

    it('is the case workers’ of the area too, and no one else’s: another area gets not found', async () => {
      await casey.get(`/offenders/${id}/replay`).query({ asAt: '2026-06-30' }).expect(200);
      const { account } = await t.user(['caseworker'], ['cumbria']);
      const outsider = await signedInBrowser(t.app.getHttpServer(), account.username, TEST_PASSWORD);
      const response = await outsider.get(`/offenders/${id}/replay`).query({ asAt: '2026-06-30' }).expect(404);
      expect(response.text).not.toContain('Lena');
    });

    it('replays a record whose processing is restricted for an auditor, saying so, and for no case worker', async () => {
      const restricted = await register(t.http, { crn: 'R888888', givenName: 'Rita', familyName: 'Restricted' });
      await (await t.user(['dpo'], [])).http.post(`/api/offenders/${restricted}/restriction`).send({ reason: 'Accuracy contested by the data subject' }).expect(200);
      await casey.get(`/offenders/${restricted}/replay`).query({ asAt: '2026-11-20' }).expect(404);
      const page = textOf((await auditor.get(`/offenders/${restricted}/replay`).query({ asAt: '2026-11-20' }).expect(200)).text);
      expect(page).toMatch(/Processing of this record is restricted since \d+ \w+ \d{4}: Accuracy contested by the data subject\./);
    });

    it('writes the s.62 access log when it shows the record', async () => {
      const log = t.app.get(SqliteAccessLog);
      await auditor.get(`/offenders/${id}/replay`).query({ asAt: '2026-06-30' }).expect(200);
      expect(log.search({ pageSize: 1 }).entries[0]).toMatchObject({ kind: 'consultation', username: 'audrey', route: 'GET /offenders/:offenderId/replay', subjects: [id] });
    });
  });

  describe('Access log', () => {
    it('shows a consultation by casey: when, who and role, what kind, the route, the offender as a link', async () => {
      await t.http.get(`/api/offenders/${id}`).set('X-Access-Purpose', 'Case review').expect(200);
      const response = await auditor.get('/audit/access-log').expect(200);
      const page = textOf(response.text);
      expect(page).toContain('Access log');
      const [firstRow] = /<tbody[\s\S]*?<\/tr>/.exec(response.text)!;
      expect(textOf(firstRow)).toMatch(/\d+ \w+ \d{4} at \d+:\d{2}[ap]m casey Caseworker Consultation GET \/api\/offenders\/:offenderId/);
      expect(textOf(firstRow)).toContain('Case review');
      expect(firstRow).toContain(`href="/offenders/${id}"`);
    });

    it('filters by offender and by user, and says so', async () => {
      const other = await register(t.http, { crn: 'O777777', givenName: 'Otto', familyName: 'Other' });
      await t.http.get(`/api/offenders/${other}`).expect(200);
      const bySubject = await auditor.get('/audit/access-log').query({ subject: id }).expect(200);
      expect(bySubject.text).toContain(`href="/offenders/${id}"`);
      expect(bySubject.text).not.toContain(`href="/offenders/${other}"`);
      expect(textOf(bySubject.text)).toMatch(/\d+ entries for this search/);

      const byUser = tableOf((await auditor.get('/audit/access-log').query({ user: 'audrey' }).expect(200)).text);
      expect(byUser).toContain('audrey Auditor');
      expect(byUser).not.toContain('casey Caseworker');

      const byBoth = tableOf((await auditor.get('/audit/access-log').query({ subject: other, user: 'casey' }).expect(200)).text);
      expect(byBoth).toContain('casey Caseworker');
      expect(byBoth).not.toContain('audrey');

      const longAgo = textOf((await auditor.get('/audit/access-log').query({ 'from-day': '1', 'from-month': '1', 'from-year': '2020', 'to-day': '31', 'to-month': '12', 'to-year': '2020' }).expect(200)).text);
      expect(longAgo).toContain('No entries match for this search');
    });

    it('pages through the entries, newest first, keeping the search', async () => {
      for (let i = 0; i < 30; i++) await t.http.get(`/api/offenders/${id}`).expect(200);
      const first = await auditor.get('/audit/access-log').query({ user: 'casey' }).expect(200);
      const total = Number(/(\d+) entries for this search/.exec(textOf(first.text))![1]);
      expect(total).toBeGreaterThan(30);
      expect(textOf(first.text)).toContain(`Showing 1 to 25 of ${total} total entries`);
      expect(first.text).toContain('href="/audit/access-log?user=casey&amp;page=2"');
      const sequences = (html: string) => [...html.matchAll(/govuk-table__cell--numeric">(\d+)</g)].map((m) => Number(m[1]));
      const second = await auditor.get('/audit/access-log').query({ user: 'casey', page: 2 }).expect(200);
      expect(textOf(second.text)).toContain(`Showing 26 to ${Math.min(50, total)} of ${total} total entries`);
      expect(Math.min(...sequences(first.text))).toBeGreaterThan(Math.max(...sequences(second.text)));
    });

    it('refuses an offender ID that is not one, and impossible dates, with the error summary', async () => {
      const response = await auditor.get('/audit/access-log').query({ subject: 'not-an-id', 'to-day': '31', 'to-month': '2', 'to-year': '2026' }).expect(400);
      const summary = errorSummaryOf(response.text);
      expect(summary).toContain('Enter the offender’s ID in the right format');
      expect(summary).toContain('End date must be a real date');
      expect(response.text).toContain('href="#subject"');
      expect(response.text).not.toContain('<table');
      const backwards = await auditor.get('/audit/access-log').query({ from: '2026-11-20', to: '2026-11-01' }).expect(400);
      expect(errorSummaryOf(backwards.text)).toContain('End date must be the same as or after the start date');
    });

    it('logs each search as a search by the auditor, with its filters, and shows it in words', async () => {
      const log = t.app.get(SqliteAccessLog);
      const before = log.search({ pageSize: 1 }).total;
      const found = await auditor.get('/audit/access-log').query({ subject: id, 'from-day': '1', 'from-month': '11', 'from-year': '2026' }).expect(200);
      expect(tableOf(found.text)).not.toContain('Search of this log');
      const [entry] = log.search({ pageSize: 1 }).entries;
      expect(log.search({ pageSize: 1 }).total).toBe(before + 1);
      expect(entry).toMatchObject({ kind: 'search', username: 'audrey', role: 'auditor', route: 'GET /audit/access-log', subjects: [id] });
      expect(entry.url).toBe(`/audit/access-log?subject=${id}&from-day=1&from-month=11&from-year=2026`);
      const searches = tableOf((await auditor.get('/audit/access-log').query({ user: 'audrey', subject: id }).expect(200)).text);
      expect(searches).toMatch(/audrey Auditor Search of this log GET \/audit\/access-log/);
      await auditor.get('/audit/access-log').query({ subject: 'not-an-id' }).expect(400);
      expect(log.search({ pageSize: 1 }).total).toBe(before + 2);
    });

    it('says the log’s chain verifies', async () => {
      const page = textOf((await auditor.get('/audit/access-log').expect(200)).text);
      expect(page).toMatch(/Verified The log’s chain verifies: all \d+ entries are as they were written, none missing or altered\./);
    });

    it('is for auditors: a case worker is refused, and /audit leads to it', async () => {
      await casey.get('/audit/access-log').expect(403);
      await casey.get('/audit').expect(403);
      await auditor.get('/audit').expect(303).expect('Location', '/audit/access-log');
      const home = await auditor.get('/').expect(200);
      expect(home.text).toContain('href="/audit/access-log"');
      expect((await casey.get('/').expect(200)).text).not.toContain('href="/audit/access-log"');
    });
  });
});
