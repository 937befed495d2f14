import { AccessTokens, SqliteAccountStore } from '@ppo/auth';
import type { Clock } from '@ppo/offenders';
import { SignJWT } from 'jose';
import request from 'supertest';
import { adoptedOffender, registration, startTestApp, TEST_PASSWORD, TODAY, type TestApp } from './support/test-app';

/** A clock the test moves forward, for token expiry and lockouts. */
function movableClock(start: string) {
  let now = new Date(start).getTime();
  const clock: Clock = { now: () => new Date(now), today: () => new Date(now).toISOString().slice(0, 10) };
  return { clock, advanceMinutes: (minutes: number) => (now += minutes * 60_000) };
}

const token = (t: TestApp, username: string, password = TEST_PASSWORD) =>
  t.anonymous.post('/api/auth/token').send({ username, password });

describe('Signing in to the API with a bearer token', () => {
  let t: TestApp;
  let time: ReturnType<typeof movableClock>;
  beforeEach(async () => {
    time = movableClock(`${TODAY}T10:00:00Z`);
    t = await startTestApp({ clock: time.clock });
  });
  afterEach(() => t.close());

  it('gives a caseworker a 15-minute token that works on the API', async () => {
    const { body } = await token(t, 'casey').expect(200);
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 900 });
    await t.anonymous.post('/api/offenders').set('Authorization', `Bearer ${body.access_token}`).send(registration()).expect(201);
  });

  it('answers a wrong password and an unknown username in exactly the same words', async () => {
    const wrong = await token(t, 'casey', 'not the password at all').expect(401);
    const unknown = await token(t, 'nobody-here', 'not the password at all').expect(401);
    expect(wrong.body.code).toBe('AUTH.SIGN_IN_FAILED');
    expect({ ...unknown.body, instance: undefined }).toEqual({ ...wrong.body, instance: undefined });
  });

  it('refuses an expired token', async () => {
    const { body } = await token(t, 'casey').expect(200);
    time.advanceMinutes(16);
    const refused = await t.anonymous.get('/api/offenders').set('Authorization', `Bearer ${body.access_token}`).expect(401);
    expect(refused.body.code).toBe('AUTH.TOKEN_EXPIRED');
  });

  it('refuses a tampered token, one signed with another key, and one that is not a token', async () => {
    const { body } = await token(t, 'casey').expect(200);
    const [header, payload, signature] = (body.access_token as string).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, sub: t.supervisor.account.id })).toString('base64url');
    const forged = await new SignJWT({ typ: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(t.caseworker.id)
      .setIssuer('ppo-journey')
      .setAudience('ppo-journey-api')
      .setIssuedAt(Math.floor(time.clock.now().getTime() / 1000))
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('some other secret that is long enough'));
    for (const bad of [`${header}.${promoted}.${signature}`, forged, 'not-a-token', `${header}.${payload}.`]) {
      const refused = await t.anonymous.get('/api/offenders').set('Authorization', `Bearer ${bad}`).expect(401);
      expect(refused.body.code).toBe('AUTH.TOKEN_INVALID');
    }
  });

  it('stops honouring a disabled user’s token at once', async () => {
    const { body } = await token(t, 'casey').expect(200);
    t.app.get(SqliteAccountStore).setDisabled('casey', true, time.clock.now());
    await t.anonymous.get('/api/offenders').set('Authorization', `Bearer ${body.access_token}`).expect(401);
    await token(t, 'casey').expect(401);
  });

  it('locks an account for 15 minutes after 5 wrong passwords, saying nothing more than for any failure', async () => {
    for (let i = 0; i < 5; i++) await token(t, 'casey', `wrong password ${i}`).expect(401);
    const locked = await token(t, 'casey').expect(401);
    expect(locked.body.detail).toBe((await token(t, 'nobody-here').expect(401)).body.detail);
    time.advanceMinutes(15);
    await token(t, 'casey').expect(200);
  });

  it('throttles guessing from one address once 10 passwords for a username have been refused', async () => {
    for (let i = 0; i < 10; i++) await token(t, 'supervisor', `guess number ${i}`).expect(401);
    const throttled = await token(t, 'supervisor', 'guess number 11').expect(429);
    expect(throttled.body).toMatchObject({ status: 429, code: 'AUTH.TOO_MANY_ATTEMPTS' });
    expect(throttled.headers['ratelimit-policy']).toBeDefined();
    // Another user from the same address still signs in.
    await token(t, 'casey').expect(200);
  });
});

describe('Roles that read but do not act', () => {
  let t: TestApp;
  let offenderId: string;
  beforeAll(async () => {
    t = await startTestApp();
    // On the scheme with a team, so the aggregates count them.
    offenderId = await adoptedOffender(t, { crn: 'P246810', givenName: 'Quentin', familyName: 'Private', dateOfBirth: '1988-02-03', pncId: '2001/0012345A' });
    await t.http.post(`/api/offenders/${offenderId}/supervision-team`).send({ probationOfficer: 'PO Jones', policeOfficer: 'PC Patel', assignedOn: '2026-07-02' }).expect(200);
    await t.projected();
  });
  afterAll(() => t.close());

  it('refuses an auditor’s command and appends nothing', async () => {
    const auditor = (await t.user(['auditor'], [])).http;
    const head = await t.store.headPosition();
    const refused = await auditor.post(`/api/offenders/${offenderId}/contacts`).send({ contactOn: '2026-11-19', kind: 'office', outcome: 'attended' }).expect(403);
    expect(refused.body.code).toBe('AUTH.FORBIDDEN');
    await auditor.post('/api/offenders').send(registration({ crn: 'A000001' })).expect(403);
    expect(await t.store.headPosition()).toBe(head);
    // ...while reading the full history.
    expect((await auditor.get(`/api/offenders/${offenderId}/events`).expect(200)).body.events.at(-1).globalPosition).toBe(head);
  });

  it('gives an analyst aggregates with no name, date of birth, CRN or PNC id, and nothing that lists offenders', async () => {
    const analyst = (await t.user(['analyst'], ['northumbria'])).http;
    const personal = ['P246810', 'Quentin', 'Private', '1988-02-03', '2001/0012345A', offenderId];
    const forbiddenKeys = /"(crn|pncId|givenName|familyName|dateOfBirth|name|offenderId)"/;
    const reports: [string, Record<string, string>][] = [['/api/reports/scheme-summary', { from: '2026-07' }], ['/api/reports/caseloads', {}]];
    for (const [report, query] of reports) {
      for (const format of ['json', 'csv']) {
        const response = await analyst.get(report).query({ ...query, format }).expect(200);
        expect(response.text).toMatch(/PO Jones|northumbria/);
        for (const value of personal) expect(response.text).not.toContain(value);
        if (format === 'json') expect(response.text).not.toMatch(forbiddenKeys);
        else expect(response.text.split('\n')[0]).not.toMatch(/crn|pnc|givenName|familyName|dateOfBirth|offenderId/i);
      }
    }
    for (const denied of ['/api/offenders', `/api/offenders/${offenderId}`, '/api/reports/eligibility', '/api/reports/contacts-due', '/api/reports/activity']) {
      await analyst.get(denied).expect(403);
    }
  });
});

describe('Security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends a strict content security policy with a fresh nonce, and the usual hardening headers', async () => {
    const first = await t.anonymous.get('/sign-in').expect(200);
    const second = await t.anonymous.get('/sign-in').expect(200);
    const csp = first.headers['content-security-policy'];
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toMatch(/frame-ancestors 'self'/);
    expect(csp).not.toBe(second.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(first.text).toContain(`nonce="${nonce}"`);
    for (const response of [first, await t.http.get('/api/offenders').expect(200)]) {
      expect(response.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'strict-transport-security': expect.any(String) });
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('documents the bearer scheme in OpenAPI', async () => {
    const doc = (await t.anonymous.get('/api/docs-json').expect(200)).body;
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/offenders'].post.security).toEqual([{ bearer: [] }]);
  });
});
