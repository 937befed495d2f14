import type TestAgent from 'supertest/lib/agent';
import { signedInBrowser } from '../support/browser';
import { date, fillIn, openForm, type Browser } from '../support/forms';
import { adoptedOffender, register, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

type StoredEvent = { type: string; data: Record<string, unknown>; metadata: { actor: { username: string; role: string } } };

describe('Recording an offender’s journey through the case workers’ forms', () => {
  let t: TestApp;
  let casey: Browser;
  let supervisor: Browser;
  let id: string;
  const events = async (offenderId = id, http: TestAgent = t.http): Promise<StoredEvent[]> => (await http.get(`/api/offenders/${offenderId}/events`).expect(200)).body.events;
  const lastEvent = async () => (await events()).at(-1)!;

  beforeAll(async () => {
    t = await startTestApp();
    casey = await signedInBrowser(t.app.getHttpServer(), 'casey', TEST_PASSWORD);
    supervisor = await signedInBrowser(t.app.getHttpServer(), 'supervisor', TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('registers an offender in the case worker’s own area, then sends them to the offender’s page', async () => {
    const { html } = await openForm(casey, '/offenders/new');
    expect(html).toContain('<h1 class="govuk-heading-l">Register an offender</h1>');
    expect(html).toMatch(/name="area" type="radio" value="northumbria" checked/);
    const registered = await fillIn(
      casey,
      '/offenders/new',
      { crn: 'X765432', pncId: '', givenName: 'Robin', familyName: 'Hood', ...date('dateOfBirth', '1990-04-12'), area: 'northumbria' },
      303,
    );
    expect(registered.headers.location).toMatch(/^\/offenders\/[0-9a-f-]{36}$/);
    id = registered.headers.location.split('/')[2];

    await t.projected();
    const found = await t.http.get('/api/offenders?q=X765432').expect(200);
    expect(found.body.items.map((i: { offenderId: string }) => i.offenderId)).toEqual([id]);
    const offender = (await t.http.get(`/api/offenders/${id}`).expect(200)).body;
    expect(offender).toMatchObject({ area: 'northumbria', registeredOn: '2026-11-20', personal: { crn: 'X765432', givenName: 'Robin', familyName: 'Hood', dateOfBirth: '1990-04-12' } });
    expect(offender.personal.pncId).toBeUndefined();
    expect((await events())[0].metadata.actor).toMatchObject({ username: 'casey', role: 'caseworker', area: 'northumbria' });
  });

  it('records six convictions through the conviction form, each with the case worker as actor', async () => {
    for (let month = 1; month <= 6; month++) {
      const saved = await fillIn(
        casey,
        `/offenders/${id}/record-conviction`,
        { offence: 'burglary', ...date('offenceDate', `2026-0${month}-02`), ...date('convictionDate', `2026-0${month}-20`), court: 'Newcastle Magistrates’ Court', sentence: '' },
        303,
      );
      expect(saved.headers.location).toBe(`/offenders/${id}`);
    }
    const convictions = (await events()).filter((e) => e.type === 'ConvictionRecorded');
    expect(convictions).toHaveLength(6);
    expect(convictions[5].data).toEqual({ offence: 'burglary', offenceDate: '2026-06-02', convictionDate: '2026-06-20', court: 'Newcastle Magistrates’ Court' });
    expect(convictions.every((e) => e.metadata.actor.username === 'casey')).toBe(true);
  });

  it('lets a supervisor adopt the offender through the adoption form, starting contact at four a week', async () => {
    const { html } = await openForm(supervisor, `/offenders/${id}/adopt-offender`);
    expect(html).toContain('Robin Hood');
    expect(html).toContain('(CRN X765432)');
    expect(html).toContain(`<a href="/offenders/${id}" class="govuk-back-link">Back</a>`);
    const adopted = await fillIn(supervisor, `/offenders/${id}/adopt-offender`, { ...date('adoptedOn', '2026-10-01'), strand: '', reason: '' }, 303);
    expect(adopted.headers.location).toBe(`/offenders/${id}`);
    const [adoption, frequency] = (await events()).slice(-2);
    expect(adoption).toMatchObject({ type: 'OffenderAdopted', data: { adoptedOn: '2026-10-01', strand: 'rehabilitate-and-resettle', criteriaMet: true } });
    expect(adoption.metadata.actor).toMatchObject({ username: 'supervisor', role: 'supervisor' });
    expect(frequency).toMatchObject({ type: 'ContactFrequencySet', data: { contactsPerWeek: 4 } });
  });

  it('assigns a supervision team and records contacts', async () => {
    await fillIn(casey, `/offenders/${id}/assign-supervision-team`, { probationOfficer: 'PO Jones', policeOfficer: 'PC Patel', ...date('assignedOn', '2026-10-01') }, 303);
    expect(await lastEvent()).toMatchObject({ type: 'SupervisionTeamAssigned', data: { probationOfficer: 'PO Jones', policeOfficer: 'PC Patel', assignedOn: '2026-10-01' } });
    expect((await openForm(casey, `/offenders/${id}/assign-supervision-team`)).html).toContain('The team now is PO Jones (probation) and PC Patel (police).');

    await fillIn(casey, `/offenders/${id}/record-contact`, { ...date('contactOn', '2026-10-02'), kind: 'home-visit', outcome: 'attended', notes: 'Settled at home.\nTalked about work.' }, 303);
    expect(await lastEvent()).toMatchObject({ type: 'ContactRecorded', data: { contactOn: '2026-10-02', kind: 'home-visit', outcome: 'attended', notes: 'Settled at home.\nTalked about work.' } });
    await fillIn(casey, `/offenders/${id}/record-contact`, { ...date('contactOn', '2026-10-03'), kind: 'accompanied-appointment', outcome: 'unacceptable-absence', notes: '' }, 303);
    const contact = await lastEvent();
    expect(contact.data).toEqual({ contactOn: '2026-10-03', kind: 'accompanied-appointment', outcome: 'unacceptable-absence' });
    expect(contact.metadata.actor.username).toBe('casey');
  });

  it('refuses to reduce contact before 28 stable days, in words, and reduces it once they have passed', async () => {
    const before = (await events()).length;
    const tooSoon = await fillIn(casey, `/offenders/${id}/reduce-contact-frequency`, { contactsPerWeek: '2', reason: 'Engaging well', ...date('effectiveOn', '2026-10-15') }, 409);
    expect(tooSoon.text).toContain('There is a problem');
    expect(tooSoon.text).toContain('Contact can only be reduced after a stable period with no lapse. Stable for 14 days since 1 October 2026; 28 are needed.');
    expect(tooSoon.text).not.toContain('CONTACT_FREQUENCY');
    expect(tooSoon.text).toContain('Engaging well');
    expect(await events()).toHaveLength(before);

    const reduced = await fillIn(casey, `/offenders/${id}/reduce-contact-frequency`, { contactsPerWeek: '2', reason: 'Engaging well', ...date('effectiveOn', '2026-11-02') }, 303);
    expect(reduced.headers.location).toBe(`/offenders/${id}`);
    expect(await lastEvent()).toMatchObject({ type: 'ContactFrequencyReduced', data: { contactsPerWeek: 2, previousContactsPerWeek: 4, reason: 'Engaging well', effectiveOn: '2026-11-02' } });
  });

  it('records a lapse, fast-tracks to court picking that lapse, and records the outcome picking the fast-track', async () => {
    await fillIn(casey, `/offenders/${id}/record-lapse`, { ...date('occurredOn', '2026-11-10'), kind: 'drug-use', severity: 'serious', notes: 'Positive test' }, 303);
    const lapse = await lastEvent();
    expect(lapse).toMatchObject({ type: 'LapseOccurred', data: { occurredOn: '2026-11-10', kind: 'drug-use', severity: 'serious', notes: 'Positive test' } });
    expect(lapse.metadata.actor.username).toBe('casey');

    const fastTrackForm = await openForm(casey, `/offenders/${id}/fast-track-to-court`);
    expect(fastTrackForm.html).toContain(`value="${lapse.data.lapseId}"`);
    expect(fastTrackForm.html).toContain('Serious lapse (drug use) on 10 November 2026');
    // A link from the lapse can open the form with it already picked.
    const fromTheLapse = await openForm(casey, `/offenders/${id}/fast-track-to-court?lapseId=${lapse.data.lapseId}`);
    expect(fromTheLapse.html).toContain(`type="radio" value="${lapse.data.lapseId}" checked`);
    await casey
      .post(`/offenders/${id}/fast-track-to-court`)
      .type('form')
      .send({ ...fastTrackForm.hidden, lapseId: lapse.data.lapseId, ...date('fastTrackedOn', '2026-11-12'), court: 'Newcastle Magistrates’ Court', ...date('hearingOn', '2026-11-27'), reason: 'Lapse into drug use' })
      .expect(303);
    const fastTrack = await lastEvent();
    expect(fastTrack).toMatchObject({
      type: 'FastTrackedToCourt',
      data: { lapseId: lapse.data.lapseId, fastTrackedOn: '2026-11-12', court: 'Newcastle Magistrates’ Court', hearingOn: '2026-11-27', reason: 'Lapse into drug use' },
    });
    // Once fast-tracked, the lapse is no longer offered.
    expect((await openForm(casey, `/offenders/${id}/fast-track-to-court`)).html).not.toContain(`value="${lapse.data.lapseId}"`);

    const outcomeForm = await openForm(casey, `/offenders/${id}/record-court-outcome`);
    expect(outcomeForm.html).toContain(`value="${fastTrack.data.fastTrackId}"`);
    expect(outcomeForm.html).toContain('To Newcastle Magistrates’ Court on 12 November 2026');
    await casey
      .post(`/offenders/${id}/record-court-outcome`)
      .type('form')
      .send({ ...outcomeForm.hidden, fastTrackId: fastTrack.data.fastTrackId, outcome: 'order-continued', ...date('decidedOn', '2026-11-19'), court: 'Newcastle Magistrates’ Court', custodyMonths: '', currentStrand: '' })
      .expect(303);
    const outcome = await lastEvent();
    expect(outcome).toMatchObject({ type: 'CourtOutcomeRecorded', data: { fastTrackId: fastTrack.data.fastTrackId, outcome: 'order-continued', decidedOn: '2026-11-19' } });
    expect(outcome.metadata.actor.username).toBe('casey');
    expect((await openForm(casey, `/offenders/${id}/record-court-outcome`)).html).toContain('No fast-track is awaiting an outcome');
  });

  it('shows every command’s form with whose record it is, a way back, and the record’s version', async () => {
    const { version } = (await t.http.get(`/api/offenders/${id}`).expect(200)).body;
    const slugs = ['record-conviction', 'record-arrest', 'record-harm-indicator', 'assign-supervision-team', 'record-contact', 'reduce-contact-frequency', 'increase-contact-frequency', 'identify-need', 'start-intervention', 'complete-intervention', 'record-lapse', 'fast-track-to-court', 'record-court-outcome', 'start-custody', 'release-from-custody', 'start-community-order', 'end-community-order', 'complete-review'];
    for (const slug of [...slugs, 'adopt-offender', 'deselect-offender', 'change-strand']) {
      const { html, hidden } = await openForm(supervisor, `/offenders/${id}/${slug}`);
      expect(html).toContain('Robin Hood');
      expect(html).toContain(`href="/offenders/${id}"`);
      expect(html.match(/<h1/g)).toHaveLength(1);
      expect(hidden.version).toBe(String(version));
    }
    for (const slug of slugs) await openForm(casey, `/offenders/${id}/${slug}`);
  });
});

describe('Forms refuse bad input and callers who may not use them', () => {
  let t: TestApp;
  let casey: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    casey = await signedInBrowser(t.app.getHttpServer(), 'casey', TEST_PASSWORD);
  });
  afterAll(() => t.close());
  const streamLength = async (offenderId: string) => (await t.http.get(`/api/offenders/${offenderId}/events`).expect(200)).body.events.length;

  it('answers an empty form with 400 and every field’s message in GOV.UK words, keeping what was typed and recording nothing', async () => {
    const id = await adoptedOffender(t);
    const before = await streamLength(id);
    const empty = await fillIn(casey, `/offenders/${id}/record-lapse`, { notes: 'Seen near the station' }, 400);
    expect(empty.text).toContain('<title>Error: Record a lapse');
    expect(empty.text).toContain('There is a problem');
    expect(empty.text).toContain('<a href="#occurredOn-day">Enter the date of the lapse</a>');
    expect(empty.text).toContain('<a href="#kind">Select the kind of lapse</a>');
    expect(empty.text).toContain('<a href="#severity">Select how serious the lapse was</a>');
    expect(empty.text).toMatch(/id="severity-error"[^]*Select how serious the lapse was/);
    expect(empty.text).toContain('Seen near the station</textarea>');
    expect(await streamLength(id)).toBe(before);

    const noRegistration = await casey.post('/offenders/new').type('form').send({ ...(await openForm(casey, '/offenders/new')).hidden }).expect(400);
    for (const message of ['Enter the case reference number', 'Enter the given name', 'Enter the family name', 'Enter the date of birth', 'Select an area']) {
      expect(noRegistration.text).toContain(message);
    }
    expect(noRegistration.text).not.toContain('Police National Computer ID must');
  });

  it('says a date that does not exist must be a real date, and one yet to come must be today or in the past', async () => {
    const id = await adoptedOffender(t);
    const before = await streamLength(id);
    const unreal = await fillIn(casey, `/offenders/${id}/record-lapse`, { ...date('occurredOn', '2026-02-30'), kind: 'drug-use', severity: 'minor' }, 400);
    expect(unreal.text).toContain('<a href="#occurredOn-day">The date of the lapse must be a real date</a>');
    expect(unreal.text).toMatch(/name="occurredOn-day" type="text" value="30"/);
    const partial = await fillIn(casey, `/offenders/${id}/record-lapse`, { 'occurredOn-day': '3', 'occurredOn-month': '', 'occurredOn-year': '2026', kind: 'drug-use', severity: 'minor' }, 400);
    expect(partial.text).toContain('<a href="#occurredOn-month">The date of the lapse must include a month</a>');
    const future = await fillIn(casey, `/offenders/${id}/record-lapse`, { ...date('occurredOn', '2026-12-01'), kind: 'drug-use', severity: 'minor' }, 422);
    expect(future.text).toContain('The date of the lapse must be today or in the past');
    expect(await streamLength(id)).toBe(before);
  });

  it('says in words, never by code, when the domain refuses a command', async () => {
    const id = await register(t.http, { crn: 'X100001' });
    const refused = await fillIn(casey, `/offenders/${id}/record-contact`, { ...date('contactOn', '2026-11-19'), kind: 'office', outcome: 'attended' }, 409);
    expect(refused.text).toContain('This offender is not on the scheme.');
    expect(refused.text).not.toContain('OFFENDER.NOT_ON_SCHEME');
    expect(await streamLength(id)).toBe(1);
    const nothingToComplete = await openForm(casey, `/offenders/${id}/complete-intervention`);
    expect(nothingToComplete.html).toContain('No intervention is open for this offender.');
    expect(nothingToComplete.html).not.toContain('>Save</button>');
  });

  it('refuses the adoption form to a case worker, whether opening or sending it, and every form to an auditor', async () => {
    const id = await register(t.http, { crn: 'X100002' });
    const opened = await casey.get(`/offenders/${id}/adopt-offender`).expect(403);
    expect(opened.text).toContain('You do not have permission to do this.');
    const { hidden } = await openForm(casey, `/offenders/${id}/record-lapse`);
    await casey.post(`/offenders/${id}/adopt-offender`).type('form').send({ ...hidden, ...date('adoptedOn', '2026-11-01') }).expect(403);
    expect(await streamLength(id)).toBe(1);

    await t.user(['auditor'], [], { username: 'audrey' });
    const auditor = await signedInBrowser(t.app.getHttpServer(), 'audrey', TEST_PASSWORD);
    await auditor.get(`/offenders/${id}/record-lapse`).expect(403);
    await auditor.get('/offenders/new').expect(403);
  });

  it('refuses a form sent without its CSRF token', async () => {
    const id = await adoptedOffender(t);
    const before = await streamLength(id);
    const { hidden } = await openForm(casey, `/offenders/${id}/record-lapse`);
    const refused = await casey.post(`/offenders/${id}/record-lapse`).type('form').send({ version: hidden.version, formKey: hidden.formKey, ...date('occurredOn', '2026-11-10'), kind: 'drug-use', severity: 'minor' }).expect(403);
    expect(refused.text).toContain('This form has expired.');
    expect(await streamLength(id)).toBe(before);
  });

  it('answers 404 for an offender of another area, and refuses to register someone there', async () => {
    const cumbrian = await t.user(['caseworker'], ['cumbria']);
    const elsewhere = await register(cumbrian.http, { area: 'cumbria', crn: 'Z999999' });
    const opened = await casey.get(`/offenders/${elsewhere}/record-lapse`).expect(404);
    expect(opened.text).not.toContain('Z999999');
    const { hidden } = await openForm(casey, '/offenders/new');
    await casey.post(`/offenders/${elsewhere}/record-lapse`).type('form').send({ ...hidden, version: '1', ...date('occurredOn', '2026-11-10'), kind: 'drug-use', severity: 'minor' }).expect(404);
    expect((await cumbrian.http.get(`/api/offenders/${elsewhere}/events`).expect(200)).body.events).toHaveLength(1);

    const before = await t.store.headPosition();
    await casey.post('/offenders/new').type('form').send({ ...hidden, crn: 'X100003', givenName: 'A', familyName: 'B', ...date('dateOfBirth', '1990-01-01'), area: 'cumbria' }).expect(403);
    expect(await t.store.headPosition()).toBe(before);
  });
});
