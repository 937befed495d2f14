import { csrfOf, signedInBrowser } from '../support/browser';
import { adoptedOffender, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

type Browser = Awaited<ReturnType<typeof signedInBrowser>>;

/** The hidden fields a form page will post back: CSRF token, the record's version, the form's key. */
function hiddenFieldsOf(html: string) {
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  return { _csrf: csrfOf(html)!, formKey: hidden('formKey')!, ...(hidden('version') ? { version: hidden('version')! } : {}) };
}

async function openForm(browser: Browser, path: string) {
  return hiddenFieldsOf((await browser.get(path).expect(200)).text);
}

const lapse = { 'occurredOn-day': '18', 'occurredOn-month': '11', 'occurredOn-year': '2026', kind: 'missed-contacts', severity: 'moderate', notes: 'Missed two appointments' };

describe('A form filled in while someone else changed the record', () => {
  let t: TestApp;
  let casey: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    casey = await signedInBrowser(t.app.getHttpServer(), 'casey', TEST_PASSWORD);
  });
  afterAll(() => t.close());
  const stream = async (id: string) => (await t.http.get(`/api/offenders/${id}/events`).expect(200)).body.events as { type: string; version: number; metadata: { idempotencyKey?: string } }[];

  it('is shown again with what changed, who changed it and when, recording nothing until it is saved again', async () => {
    const id = await adoptedOffender(t);
    const opened = await openForm(casey, `/offenders/${id}/record-lapse`);
    await t.supervisor.http.post(`/api/offenders/${id}/contacts`).send({ contactOn: '2026-11-19', kind: 'home-visit', outcome: 'attended' }).expect(200);
    const before = await stream(id);
    expect(Number(opened.version)).toBe(before.length - 1);

    const stale = await casey.post(`/offenders/${id}/record-lapse`).type('form').send({ ...opened, ...lapse }).expect(409);
    expect(stale.text).toContain('This record changed since you opened it');
    expect(stale.text).toContain('<strong>Contact recorded</strong>: Home visit on 19 November 2026: attended.');
    expect(stale.text).toMatch(/Recorded by supervisor on \d{1,2} \w+ \d{4} at \d{1,2}:\d{2}(am|pm)/);
    expect(stale.text).toContain('Missed two appointments</textarea>');
    expect(stale.text).toMatch(/name="severity" type="radio" value="moderate" checked/);
    expect(await stream(id)).toHaveLength(before.length);

    const again = hiddenFieldsOf(stale.text);
    expect(again.version).toBe(String(before.length));
    expect(again.formKey).toBe(opened.formKey);
    const saved = await casey.post(`/offenders/${id}/record-lapse`).type('form').send({ ...again, ...lapse }).expect(303);
    expect(saved.headers.location).toBe(`/offenders/${id}`);
    const after = await stream(id);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ type: 'LapseOccurred', metadata: { idempotencyKey: opened.formKey } });
  });

  it('records once when the same form is sent twice', async () => {
    const id = await adoptedOffender(t);
    const opened = await openForm(casey, `/offenders/${id}/record-lapse`);
    const before = await stream(id);
    const first = await casey.post(`/offenders/${id}/record-lapse`).type('form').send({ ...opened, ...lapse }).expect(303);
    const second = await casey.post(`/offenders/${id}/record-lapse`).type('form').send({ ...opened, ...lapse }).expect(303);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await stream(id)).toHaveLength(before.length + 1);
  });

  it('registers once when the registration form is sent twice', async () => {
    const opened = await openForm(casey, '/offenders/new');
    const answers = { crn: 'X200001', givenName: 'Ada', familyName: 'Twice', 'dateOfBirth-day': '1', 'dateOfBirth-month': '2', 'dateOfBirth-year': '1991', area: 'northumbria' };
    const head = await t.store.headPosition();
    const first = await casey.post('/offenders/new').type('form').send({ ...opened, ...answers }).expect(303);
    const second = await casey.post('/offenders/new').type('form').send({ ...opened, ...answers }).expect(303);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await t.store.headPosition()).toBe(head + 1);
  });

  it('asks before recording a second time when a saved form is sent again with other answers', async () => {
    const id = await adoptedOffender(t);
    const opened = await openForm(casey, `/offenders/${id}/record-lapse`);
    await casey.post(`/offenders/${id}/record-lapse`).type('form').send({ ...opened, ...lapse }).expect(303);
    const before = await stream(id);
    const changed = { ...lapse, severity: 'serious' };
    const asked = await casey.post(`/offenders/${id}/record-lapse`).type('form').send({ ...opened, ...changed }).expect(422);
    expect(asked.text).toContain('You already saved this form with different answers.');
    expect(asked.text).toContain('<strong>Lapse recorded</strong>: Moderate lapse (missed contacts) on 18 November 2026: Missed two appointments.');
    expect(await stream(id)).toHaveLength(before.length);
    await casey.post(`/offenders/${id}/record-lapse`).type('form').send({ ...hiddenFieldsOf(asked.text), ...changed }).expect(303);
    expect(await stream(id)).toHaveLength(before.length + 1);
  });
});
