import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type TestAgent from 'supertest/lib/agent';
import { signedInBrowser } from './support/browser';
import { adoptedOffender, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

/** Every file under a directory, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("Erasing an offender's personal data by destroying their key (DPA 2018 s.47)", () => {
  const dir = mkdtempSync(join(tmpdir(), 'ppo-erasure-'));
  const PERSON = { crn: 'Q918273', pncId: '1999/0123456Z', givenName: 'Zebedee', familyName: 'Quartermaine', dateOfBirth: '1987-03-14' };
  const NOTE = 'Stayed with his cousin Ottoline Brackenbury';
  let t: TestApp;
  let dpo: TestAgent;
  let erased: string;
  let kept: string;
  let figuresBefore: unknown;

  const figures = async () => (await t.supervisor.http.get('/api/reports/scheme-summary').expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp({
      auth: { mode: 'local', secret: 'a test secret that is long enough to sign with', sessionIdleMinutes: 15, accountsPath: join(dir, 'accounts.db') },
      config: {
        eventStore: { kind: 'sqlite', path: join(dir, 'ppo.db') },
        readModels: { kind: 'sqlite', path: join(dir, 'read-models.db') },
        auditLogPath: join(dir, 'audit.db'),
        personalData: { masterKey: { kind: 'value', value: randomBytes(32).toString('base64') }, keyStore: { kind: 'sqlite', path: join(dir, 'keys.db') } },
      },
    });
    dpo = (await t.user(['dpo'], [])).http;
    erased = await adoptedOffender(t, PERSON);
    kept = await adoptedOffender(t, { crn: 'K112233', familyName: 'Keepsake', registeredOn: '2026-01-05' });
    await t.http.post(`/api/offenders/${erased}/contacts`).send({ contactOn: '2026-11-19', kind: 'home-visit', outcome: 'attended', notes: NOTE }).expect(200);
    await t.http.post(`/api/offenders/${erased}/lapses`).send({ occurredOn: '2026-11-18', kind: 'drug-use', severity: 'minor', notes: `Seen with ${PERSON.givenName}'s brother` }).expect(200);
    // Read them the ways case workers do, so the pages, lists and access log have had the data too.
    const browser = await signedInBrowser(t.app.getHttpServer(), 'casey', TEST_PASSWORD);
    await browser.get(`/offenders/${erased}`).expect(200);
    await browser.get('/offenders?q=Quartermaine').expect(200);
    await t.http.get('/api/reports/eligibility?format=csv').expect(200);
    await t.projected();
    expect((await t.http.get('/api/offenders?q=Quartermaine').expect(200)).body.items).toHaveLength(1);
    figuresBefore = await figures();
  });
  afterAll(async () => {
    await t?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is refused while a legal hold is in place, and writes nothing', async () => {
    await dpo.post(`/api/offenders/${kept}/legal-hold`).send({ reason: 'Civil claim pending' }).expect(200);
    const head = await t.store.headPosition();
    const refused = await dpo.post(`/api/offenders/${kept}/erasure`).send({ ground: 'principles-infringed' }).expect(409);
    expect(refused.body.code).toBe('OFFENDER.ON_LEGAL_HOLD');
    expect(await t.store.headPosition()).toBe(head);
  });

  it('is for the DPO alone, needs a ground, and bad input writes nothing', async () => {
    const head = await t.store.headPosition();
    await t.http.post(`/api/offenders/${erased}/erasure`).send({ ground: 'principles-infringed' }).expect(403);
    await t.supervisor.http.post(`/api/offenders/${erased}/erasure`).send({ ground: 'principles-infringed' }).expect(403);
    const bad = await dpo.post(`/api/offenders/${erased}/erasure`).send({ ground: 'because' }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('returns a receipt: what, when, by whom and where in the log, with no personal data in it', async () => {
    const { body: receipt } = await dpo.post(`/api/offenders/${erased}/erasure`).send({ ground: 'principles-infringed' }).expect(200);
    expect(receipt).toEqual({
      offenderId: erased,
      ground: 'principles-infringed',
      erasedOn: '2026-11-20',
      recordedAt: expect.any(String),
      erasedBy: expect.objectContaining({ role: 'dpo' }),
      eventId: expect.any(String),
      streamVersion: expect.any(Number),
      logPosition: await t.store.headPosition(),
      dataKey: 'destroyed',
      readModelsPurgedFrom: await t.store.headPosition(),
      alreadyErased: false,
    });
    for (const value of [...Object.values(PERSON), NOTE]) expect(JSON.stringify(receipt)).not.toContain(value);
    const again = await dpo.post(`/api/offenders/${erased}/erasure`).send({ ground: 'principles-infringed' }).expect(200);
    expect(again.body).toEqual({ ...receipt, alreadyErased: true });
    await t.projected();
  });

  it('leaves a history that still replays, every personal value reading [erased], and the record closed to new facts', async () => {
    const { body: offender } = await dpo.get(`/api/offenders/${erased}`).expect(200);
    expect(offender.personal).toEqual({ crn: '[erased]', pncId: '[erased]', givenName: '[erased]', familyName: '[erased]', dateOfBirth: '[erased]' });
    expect(offender.status).toBe('on-scheme');
    const { body: history } = await dpo.get(`/api/offenders/${erased}/events`).expect(200);
    const types = history.events.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['OffenderRegistered', 'ConvictionRecorded', 'ContactRecorded', 'LapseOccurred', 'PersonalDataErased']));
    expect(JSON.stringify(history)).toContain('[erased]');
    const refused = await t.http.post(`/api/offenders/${erased}/contacts`).send({ contactOn: '2026-11-20', kind: 'office', outcome: 'attended' }).expect(409);
    expect(refused.body.code).toBe('OFFENDER.ERASED');
  });

  it('purges the read models and leaves the dashboard figures as they were', async () => {
    expect((await t.http.get('/api/offenders?q=Quartermaine').expect(200)).body.items).toHaveLength(0);
    const lists = await Promise.all(['/api/offenders', '/api/reports/eligibility?format=csv', '/api/reports/contacts-due'].map((url) => t.http.get(url).expect(200)));
    for (const response of lists) for (const value of Object.values(PERSON)) expect(response.text).not.toContain(value);
    expect(await figures()).toEqual(figuresBefore);
  });

  it('leaves the chain verifying, and the other offender untouched', async () => {
    const auditor = (await t.user(['auditor'], [])).http;
    expect((await auditor.get('/api/audit/verify').expect(200)).body).toEqual(expect.objectContaining({ ok: true }));
    expect((await t.http.get(`/api/offenders/${kept}`).expect(200)).body.personal.familyName).toBe('Keepsake');
  });

  it('leaves no name, date of birth, PNC id, CRN or note anywhere in the data directory, WAL included, after a checkpoint', async () => {
    await t.close();
    const files = filesUnder(dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(expect.arrayContaining(['ppo.db', 'read-models.db', 'keys.db', 'audit.db', 'accounts.db']));
    const found: string[] = [];
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const value of [...Object.values(PERSON), NOTE, 'Ottoline']) if (bytes.includes(Buffer.from(value))) found.push(`${value} in ${file}`);
    }
    expect(found).toEqual([]);
    // The scan finds a name where one is kept in clear: the other offender's, in the read models, never in the log.
    expect(readFileSync(join(dir, 'read-models.db')).includes(Buffer.from('Keepsake'))).toBe(true);
    expect(readFileSync(join(dir, 'ppo.db')).includes(Buffer.from('Keepsake'))).toBe(false);
  });
});
