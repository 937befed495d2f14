import type TestAgent from 'supertest/lib/agent';
import { signedInBrowser } from '../support/browser';
import { date, fillIn, openForm, type Browser } from '../support/forms';
import { adoptedOffender, register, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

type StoredEvent = { eventId: string; type: string; data: Record<string, unknown>; metadata: { actor: { username: string; role: string } } };

/** The entry of the offender page's timeline with this detail, from its heading to its end. */
const timelineEntry = (html: string, detail: string) => {
  const at = html.indexOf(detail);
  return at < 0 ? '' : html.slice(html.lastIndexOf('moj-timeline__item', at), html.indexOf('moj-timeline__item', at));
};

describe('Correcting a fact from the offender’s timeline', () => {
  let t: TestApp;
  let casey: Browser;
  let id: string;
  const events = async (): Promise<StoredEvent[]> => (await t.http.get(`/api/offenders/${id}/events`).expect(200)).body.events;
  const eventOf = async (type: string, n = 0) => (await events()).filter((e) => e.type === type)[n];

  beforeAll(async () => {
    t = await startTestApp();
    casey = await signedInBrowser(t.app.getHttpServer(), 'casey', TEST_PASSWORD);
    id = await adoptedOffender(t, { givenName: 'Cora', familyName: 'Rect', crn: 'C101010' });
    await t.http.post(`/api/offenders/${id}/contacts`).send({ contactOn: '2026-11-02', kind: 'office', outcome: 'attended' }).expect(200);
    await t.http.post(`/api/offenders/${id}/lapses`).send({ occurredOn: '2026-11-10', kind: 'drug-use', severity: 'minor' }).expect(200);
  });
  afterAll(() => t.close());

  it('links “Correct” and “Retract” beside each fact that can be corrected, for those who may command', async () => {
    const conviction = await eventOf('ConvictionRecorded');
    const page = (await casey.get(`/offenders/${id}`).expect(200)).text;
    const entry = timelineEntry(page, 'Convicted of theft from shops at Newcastle Magistrates on 20 January 2026');
    expect(entry).toContain(`href="/offenders/${id}/rectify-event/${conviction.eventId}">Correct<span class="govuk-visually-hidden"> the conviction of 20 January 2026</span>`);
    expect(entry).toContain(`href="/offenders/${id}/retract-event/${conviction.eventId}">Retract`);
    expect(timelineEntry(page, 'Adopted on 1 July 2026')).not.toContain('rectify-event');
    await t.user(['auditor'], [], { username: 'audrey' });
    const auditor = await signedInBrowser(t.app.getHttpServer(), 'audrey', TEST_PASSWORD);
    expect((await auditor.get(`/offenders/${id}`).expect(200)).text).not.toContain('rectify-event');
    await auditor.get(`/offenders/${id}/rectify-event/${conviction.eventId}`).expect(403);
  });

  it('opens a conviction’s correction on its values, and records the corrected one with the reason', async () => {
    const conviction = await eventOf('ConvictionRecorded');
    const path = `/offenders/${id}/rectify-event/${conviction.eventId}`;
    const { html } = await openForm(casey, path);
    expect(html).toContain('<h1 class="govuk-heading-l">Correct the conviction</h1>');
    expect(html).toContain('As it reads now: Convicted of theft from shops at Newcastle Magistrates on 20 January 2026 (offence on 2 January 2026).');
    expect(html).toMatch(/<option value="theft-from-shops" selected>/);
    expect(html).toMatch(/name="convictionDate-day" type="text" value="20"/);
    expect(html).toContain('name="court" type="text" value="Newcastle Magistrates"');

    const answers = { offence: 'burglary', ...date('offenceDate', '2026-01-02'), ...date('convictionDate', '2026-01-20'), court: 'Newcastle Magistrates', sentence: '', reason: 'It was a burglary' };
    const saved = await fillIn(casey, path, answers, 303);
    expect(saved.headers.location).toBe(`/offenders/${id}`);
    const correction = (await events()).at(-1)!;
    expect(correction).toMatchObject({
      type: 'EventRectified',
      data: { eventId: conviction.eventId, reason: 'It was a burglary', corrected: { type: 'ConvictionRecorded', data: { offence: 'burglary', convictionDate: '2026-01-20' } } },
      metadata: { actor: { username: 'casey', role: 'caseworker' } },
    });
    const page = (await casey.get(`/offenders/${id}`).expect(200)).text;
    expect(timelineEntry(page, 'Convicted of theft from shops at Newcastle Magistrates on 20 January 2026')).toContain('>Corrected</strong>');
    // Corrected again, it opens on the correction.
    expect((await openForm(casey, path)).html).toMatch(/<option value="burglary" selected>/);
  });

  it('shows the error summary for a correction without its reason or court, or with impossible dates, and records nothing', async () => {
    const contact = await eventOf('ContactRecorded');
    const before = (await events()).length;
    const path = `/offenders/${id}/rectify-event/${contact.eventId}`;
    const empty = await fillIn(casey, path, { ...date('contactOn', '2026-11-02'), kind: 'office', outcome: '', reason: ' ' }, 400);
    expect(empty.text).toContain('There is a problem');
    expect(empty.text).toContain('<a href="#outcome">Select whether they attended</a>');
    expect(empty.text).toContain('<a href="#reason">Enter what was wrong</a>');
    const conviction = await eventOf('ConvictionRecorded', 1);
    const backwards = await fillIn(
      casey,
      `/offenders/${id}/rectify-event/${conviction.eventId}`,
      { offence: 'burglary', ...date('offenceDate', '2026-03-01'), ...date('convictionDate', '2026-02-20'), court: 'Newcastle', reason: 'Wrong dates' },
      422,
    );
    expect(backwards.text).toContain('<a href="#offenceDate-day">The offence date is after the conviction date.</a>');
    expect(backwards.text).not.toContain('DATE.OUT_OF_ORDER');
    expect(await events()).toHaveLength(before);
  });

  it('retracts a contact recorded in error once, even sent twice, then offers it no more', async () => {
    const contact = await eventOf('ContactRecorded');
    const path = `/offenders/${id}/retract-event/${contact.eventId}`;
    const { html, hidden } = await openForm(casey, path);
    expect(html).toContain('<h1 class="govuk-heading-l">Retract the contact</h1>');
    const answers = { ...hidden, reason: 'Recorded against the wrong person' };
    await casey.post(path).type('form').send(answers).expect(303);
    await casey.post(path).type('form').send(answers).expect(303);
    const retractions = (await events()).filter((e) => e.type === 'EventRetracted');
    expect(retractions).toEqual([expect.objectContaining({ data: expect.objectContaining({ eventId: contact.eventId, reason: 'Recorded against the wrong person' }) })]);
    const page = (await casey.get(`/offenders/${id}`).expect(200)).text;
    const entry = timelineEntry(page, 'Office on 2 November 2026: attended.');
    expect(entry).toContain('>Retracted</strong>');
    expect(entry).not.toContain('retract-event');
    await casey.get(path).expect(404);
  });

  it('offers no retraction of a lapse a fast-track to court followed, only its correction', async () => {
    const lapse = await eventOf('LapseOccurred');
    await t.http.post(`/api/offenders/${id}/court-fast-tracks`).send({ lapseId: lapse.data.lapseId, fastTrackedOn: '2026-11-12', court: 'Newcastle', hearingOn: '2026-11-27', reason: 'Drug use' }).expect(200);
    const entry = timelineEntry((await casey.get(`/offenders/${id}`).expect(200)).text, 'Minor lapse (drug use) on 10 November 2026');
    expect(entry).toContain(`/rectify-event/${lapse.eventId}`);
    expect(entry).not.toContain(`/retract-event/${lapse.eventId}`);
    await casey.get(`/offenders/${id}/retract-event/${lapse.eventId}`).expect(404);
  });

  it('answers 404 for an event that is not a correctable fact of this offender', async () => {
    const adoption = await eventOf('OffenderAdopted');
    await casey.get(`/offenders/${id}/rectify-event/${adoption.eventId}`).expect(404);
    const other = await register(t.http, { crn: 'O202020' });
    const conviction = await eventOf('ConvictionRecorded');
    await casey.get(`/offenders/${other}/retract-event/${conviction.eventId}`).expect(404);
  });
});

describe('Restricting processing of a record, and lifting it, from the offender’s page', () => {
  let t: TestApp;
  let dpo: Browser;
  let casey: Browser;
  let id: string;
  let dpoApi: TestAgent;
  // The DPO still reads a restricted record.
  const events = async (): Promise<StoredEvent[]> => (await dpoApi.get(`/api/offenders/${id}/events`).expect(200)).body.events;

  beforeAll(async () => {
    t = await startTestApp();
    id = await register(t.http, { givenName: 'Rhea', familyName: 'Strict', crn: 'R303030' });
    dpoApi = (await t.user(['dpo'], [], { username: 'dora' })).http;
    dpo = await signedInBrowser(t.app.getHttpServer(), 'dora', TEST_PASSWORD);
    casey = await signedInBrowser(t.app.getHttpServer(), 'casey', TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('offers the DPO restriction and the subject access copy on the offender’s page, and a case worker neither', async () => {
    const page = (await dpo.get(`/offenders/${id}`).expect(200)).text;
    expect(page).toContain(`href="/offenders/${id}/restrict-processing">Restrict processing</a>`);
    expect(page).toContain(`href="/offenders/${id}/subject-access">Produce a subject access copy</a>`);
    expect(page).not.toContain('rectify-event');
    const caseworkers = (await casey.get(`/offenders/${id}`).expect(200)).text;
    expect(caseworkers).not.toContain('restrict-processing');
    expect(caseworkers).not.toContain('subject-access');
  });

  it('refuses the restriction form to a case worker, whether opening or sending it', async () => {
    const opened = await casey.get(`/offenders/${id}/restrict-processing`).expect(403);
    expect(opened.text).toContain('You do not have permission to do this.');
    const { hidden } = await openForm(dpo, `/offenders/${id}/restrict-processing`);
    await casey.post(`/offenders/${id}/restrict-processing`).type('form').send({ ...hidden, reason: 'Because' }).expect(403);
    await casey.get(`/offenders/${id}/lift-restriction`).expect(403);
    expect(await events()).toHaveLength(1);
  });

  it('shows the error summary for a restriction without a reason, and records nothing', async () => {
    const refused = await fillIn(dpo, `/offenders/${id}/restrict-processing`, { reason: '   ' }, 400);
    expect(refused.text).toContain('<title>Error: Restrict processing of this record');
    expect(refused.text).toContain('<a href="#reason">Enter why processing is restricted</a>');
    expect(await events()).toHaveLength(1);
  });

  it('restricts processing: the record says so to the DPO and is gone for the case worker, until the DPO lifts it', async () => {
    await fillIn(dpo, `/offenders/${id}/restrict-processing`, { reason: 'Accuracy contested by the data subject' }, 303);
    expect((await events()).at(-1)).toMatchObject({ type: 'ProcessingRestricted', data: { reason: 'Accuracy contested by the data subject' }, metadata: { actor: { username: 'dora', role: 'dpo' } } });
    const page = (await dpo.get(`/offenders/${id}`).expect(200)).text;
    expect(page).toMatch(/Processing of this record is restricted since 20 November 2026: Accuracy contested by the data subject\./);
    expect(page).toContain(`href="/offenders/${id}/lift-restriction">Lift the restriction</a>`);
    expect(page).not.toContain(`href="/offenders/${id}/restrict-processing"`);
    await casey.get(`/offenders/${id}`).expect(404);

    const { html } = await openForm(dpo, `/offenders/${id}/lift-restriction`);
    expect(html).toContain('Processing of this record is restricted since 20 November 2026: Accuracy contested by the data subject.');
    await fillIn(dpo, `/offenders/${id}/lift-restriction`, { reason: 'Checked and found accurate' }, 303);
    expect((await events()).at(-1)).toMatchObject({ type: 'RestrictionLifted', data: { reason: 'Checked and found accurate' } });
    await casey.get(`/offenders/${id}`).expect(200);
  });

  it('says in words when the restriction to lift is not there', async () => {
    const refused = await fillIn(dpo, `/offenders/${id}/lift-restriction`, { reason: 'Again' }, 409);
    expect(refused.text).toContain('There is a problem');
    expect(refused.text).toContain('Processing of this record is not restricted.');
    expect(refused.text).not.toContain('OFFENDER.NOT_RESTRICTED');
  });
});
