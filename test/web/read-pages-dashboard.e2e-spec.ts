import { addDays } from '@ppo/domain';
import { ApplicationError } from '@ppo/offenders';
import { ProjectionsService } from '@ppo/read-models';
import type { Role } from '@ppo/auth';
import { csrfOf, signedInBrowser } from '../support/browser';
import { register, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

type Browser = Awaited<ReturnType<typeof signedInBrowser>>;

/** The visible text of a page, tags stripped and spaces squeezed, to assert on what a reader sees. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');

async function browserAs(t: TestApp, roles: Role[], areas: string[] = ['northumbria']): Promise<Browser> {
  const { account } = await t.user(roles, areas);
  return signedInBrowser(t.app.getHttpServer(), account.username, TEST_PASSWORD);
}

describe('The scheme dashboard', () => {
  let t: TestApp;
  let analyst: Browser;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    // Adopted on 1 June 2025 after 50 convictions in the year before; 19 arrests in the year after: 62% less offending.
    id = await register(t.http, { crn: 'R620000', givenName: 'Rhea', familyName: 'Reduced', registeredOn: '2024-06-01' });
    for (let i = 0; i < 50; i++) {
      const on = addDays('2024-06-10', i * 7);
      await t.http.post(`/api/offenders/${id}/convictions`).send({ offence: 'theft-from-shops', offenceDate: on, convictionDate: on, court: 'Newcastle Magistrates' }).expect(200);
    }
    await t.supervisor.http.post(`/api/offenders/${id}/adoption`).send({ adoptedOn: '2025-06-01' }).expect(200);
    for (let i = 0; i < 19; i++) await t.http.post(`/api/offenders/${id}/arrests`).send({ arrestedOn: addDays('2025-06-10', i * 14), offence: 'drugs' }).expect(200);
    await t.http.post(`/api/offenders/${id}/lapses`).send({ occurredOn: '2026-11-03', kind: 'drug-use', severity: 'moderate' }).expect(200);
    const { body } = await t.http.get(`/api/offenders/${id}/events`).expect(200);
    const lapseId = body.events.find((e: { type: string }) => e.type === 'LapseOccurred').data.lapseId;
    await t.http.post(`/api/offenders/${id}/court-fast-tracks`).send({ fastTrackedOn: '2026-11-10', reason: 'Lapse', court: 'Newcastle', hearingOn: '2026-11-24', lapseId }).expect(200);
    await t.projected();
    analyst = await browserAs(t, ['analyst']);
  });
  afterAll(() => t.close());

  it('shows the offending reduction after adoption, the seeds’ 62% measure, with its table', async () => {
    const page = textOf((await analyst.get('/dashboard?from=2025-06&to=2025-06').expect(200)).text);
    expect(page).toContain('62% less offending after adoption: 19 arrests and convictions against 50 before, for 1 offender');
    expect(page).toContain('Arrests and convictions in the 12 months before adoption 50');
    expect(page).toContain('Reduction 62%');
    expect(page).toContain('June 2025 1 0');
  });

  it('shows this year’s cohort, adoptions, lapses, fast-tracks, compliance and days to fast-track by default, as charts with text and tables', async () => {
    const html = (await analyst.get('/dashboard').expect(200)).text;
    const page = textOf(html);
    expect(page).toContain('All your areas, December 2025 to November 2026');
    expect(page).toContain('1 offender on the scheme, 0 of them in custody');
    expect(page).toContain('Catch and convict 1');
    expect(page).toContain('November 2026 1 1');
    expect(page).toContain('November 2026: 1 lapse, 1 fast-track');
    expect(page).toContain('November 2026 1 7');
    expect(html.match(/<svg class="app-bar-chart" role="img"/g)).toHaveLength(7);
    expect(html.match(/<table class="govuk-table">/g)).toHaveLength(7);
    expect(html.match(/<h1/g)).toHaveLength(1);
  });

  it('never shows an analyst an offender’s name or CRN, in the page or its CSV', async () => {
    for (const path of ['/dashboard', '/dashboard?from=2025-06&to=2025-06', '/dashboard?format=csv']) {
      const { text } = await analyst.get(path).expect(200);
      for (const personal of ['Rhea', 'Reduced', 'R620000', id]) expect(text).not.toContain(personal);
    }
  });

  it('gives the figures per area and month as CSV', async () => {
    const csv = await analyst.get('/dashboard?area=northumbria&from=2025-06&to=2025-07&format=csv').expect(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="scheme-summary.csv"');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toMatch(/^area,month,cohort,inCustody,.*,offendingReductionPercent$/);
    expect(lines[1]).toMatch(/^northumbria,2025-06,1,0,0,0,1,1,0,0,0,0,1,0,0,0,.*,1,50,19,62$/);
    expect(lines).toHaveLength(3);
  });

  it('says what is wrong with a month it cannot read', async () => {
    const page = await analyst.get('/dashboard?from=Smarch+2026&to=2026-13').expect(400);
    expect(page.text).toContain('There is a problem');
    expect(page.text).toContain('Enter the first month as a month and year, for example December 2025');
    expect(page.text).toContain('href="#to"');
    expect((await analyst.get('/dashboard?from=July+2026&to=june+2026').expect(400)).text).toContain('The first month must be the same as or before the last month');
    expect((await analyst.get('/dashboard?from=jul+2026&to=9/2026').expect(200)).text).toContain('July 2026 to September 2026');
  });
});

describe('The projections page, for operators', () => {
  let t: TestApp;
  let casey: Browser;
  let auditor: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    for (const crn of ['P1', 'P2']) await register(t.http, { crn });
    await t.projected();
    casey = await signedInBrowser(t.app.getHttpServer(), 'casey', TEST_PASSWORD);
    auditor = await browserAs(t, ['auditor'], []);
  });
  afterAll(() => t.close());

  it('shows each projection’s state, and lets an admin rebuild one, which completes', async () => {
    const admin = await browserAs(t, ['admin'], []);
    const page = await admin.get('/projections').expect(200);
    const text = textOf(page.text);
    for (const name of ['offender_journey', 'eligibility', 'activity', 'scheme_timeline']) expect(text).toMatch(new RegExp(`${name} Live \\d+ of \\d+ Up to date None since the service started`));

    await admin.post('/projections/eligibility/rebuild').type('form').send({}).expect(403);
    const started = await admin.post('/projections/eligibility/rebuild').type('form').send({ _csrf: csrfOf(page.text) }).expect(303);
    expect(started.headers.location).toBe('/projections');
    let after = '';
    for (let i = 0; i < 200 && !after.includes('Finished on'); i++) {
      after = textOf((await admin.get('/projections').expect(200)).text);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(after).toMatch(/eligibility Live \d+ of \d+ Up to date Finished on .* seconds: 2 rows, no differences from the live copy/);
    const unknown = await admin.post('/projections/nonsense/rebuild').type('form').send({ _csrf: csrfOf(page.text) }).expect(404);
    expect(unknown.text).toContain('There is no projection of that name.');
  });

  it('says in words, on the page, when a rebuild cannot start', async () => {
    const admin = await browserAs(t, ['admin'], []);
    const page = await admin.get('/projections').expect(200);
    const service = t.app.get(ProjectionsService);
    const refuse = jest.spyOn(service, 'startRebuild').mockImplementationOnce(() => {
      throw new ApplicationError('PROJECTION.REBUILD_RUNNING', 409, 'A rebuild is already running.', 'offender_journey');
    });
    const refused = await admin.post('/projections/activity/rebuild').type('form').send({ _csrf: csrfOf(page.text) }).expect(409);
    refuse.mockRestore();
    expect(refused.text).toContain('There is a problem');
    expect(refused.text).toContain('<a href="#rebuild-activity">A rebuild is already running. Try again when it has finished.</a>');
    expect(refused.text).not.toContain('PROJECTION.REBUILD_RUNNING');
    expect(textOf(refused.text)).toMatch(/activity Live \d+ of \d+/);
  });

  it('shows auditors the states without the rebuild buttons, and refuses case workers', async () => {
    const html = (await auditor.get('/projections').expect(200)).text;
    expect(html).toContain('offender_journey');
    expect(html).not.toContain('/rebuild"');
    await casey.get('/projections').expect(403);
    const page = await auditor.get('/projections');
    await auditor.post('/projections/eligibility/rebuild').type('form').send({ _csrf: csrfOf(page.text) }).expect(403);
  });
});
