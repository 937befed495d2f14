import { fixedClock } from '@ppo/offenders';
import request from 'supertest';
import type { Response } from 'supertest';
import { startFakeOidcProvider, type FakeOidcProvider } from './support/fake-oidc-provider';
import { csrfOf, sessionCookie } from './support/browser';
import { registration, startTestApp, TODAY, type TestApp } from './support/test-app';

const CLIENT_ID = 'ppo-journey';
const CLIENT_SECRET = 'the client secret registered with the provider';
const AUDIENCE = 'ppo-journey-api';
const PUBLIC_URL = 'http://ppo.test';

const casey = { sub: 'a1b2c3', preferred_username: 'casey.worker', name: 'Casey Worker', groups: ['ppo-caseworkers'], areas: ['northumbria'] };

/** The session cookie's name and value, as a browser sends it back. */
const sessionId = (response: Response): string | undefined => sessionCookie(response)?.split(';')[0];

describe('Signing in through the organisation’s identity provider (OpenID Connect)', () => {
  const clock = fixedClock(`${TODAY}T10:00:00Z`);
  let provider: FakeOidcProvider;
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  const browser = () => request.agent(t.app.getHttpServer());

  beforeAll(async () => {
    provider = await startFakeOidcProvider({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, audience: AUDIENCE, now: () => clock.now() });
    t = await startTestApp({
      clock,
      auth: {
        mode: 'oidc',
        secret: 'a test secret that is long enough to sign with',
        sessionIdleMinutes: 15,
        accountsPath: ':memory:',
        oidc: {
          issuer: provider.issuer,
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          publicUrl: PUBLIC_URL,
          audience: AUDIENCE,
          rolesClaim: 'groups',
          areasClaim: 'areas',
          roleMap: { 'ppo-caseworkers': 'caseworker', 'ppo-supervisors': 'supervisor' },
        },
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  /** Follows the app's redirect to the provider, which answers at once: the path (and query) of the app's callback it sends the browser to. */
  async function throughProvider(toProvider: Response): Promise<string> {
    const answer = await fetch(toProvider.headers.location, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    const back = new URL(answer.headers.get('location') ?? '');
    expect(back.origin).toBe(PUBLIC_URL);
    return back.pathname + back.search;
  }

  describe('calling the API with the provider’s access tokens', () => {
    it('lets a caseworker register an offender in their area, recorded as done by the provider’s user in the caseworker role', async () => {
      const token = await provider.accessToken(casey);
      const registered = await api().post('/api/offenders').set('Authorization', `Bearer ${token}`).send(registration()).expect(201);
      const history = await api().get(`/api/offenders/${registered.body.offenderId}/events`).set('Authorization', `Bearer ${token}`).expect(200);
      expect(history.body.events[0]).toMatchObject({ type: 'OffenderRegistered' });
      expect(history.body.events[0].metadata.actor).toEqual({
        userId: 'oidc:a1b2c3',
        username: 'casey.worker',
        role: 'caseworker',
        roles: ['caseworker'],
        area: 'northumbria',
      });
    });

    it('keeps a caseworker to the areas the provider gives them', async () => {
      const token = await provider.accessToken(casey);
      const before = await t.store.headPosition();
      const refused = await api().post('/api/offenders').set('Authorization', `Bearer ${token}`).send(registration({ crn: 'D222222', area: 'durham' })).expect(403);
      expect(refused.body.code).toBe('AUTH.AREA_FORBIDDEN');
      expect(await t.store.headPosition()).toBe(before);
    });

    it('maps the provider’s group names to roles through the role map, and ignores names it does not know', async () => {
      const supervisor = await provider.accessToken({ sub: 's1', name: 'Sam Supervisor', groups: ['ppo-supervisors', 'finance-team'], areas: ['northumbria'] });
      const caseworker = await provider.accessToken(casey);
      const outsider = await provider.accessToken({ sub: 'f1', name: 'Fran Finance', groups: ['finance-team', 'everyone'], areas: ['northumbria'] });

      // Caseloads are for supervisors, not caseworkers.
      await api().get('/api/reports/caseloads').set('Authorization', `Bearer ${supervisor}`).expect(200);
      expect((await api().get('/api/reports/caseloads').set('Authorization', `Bearer ${caseworker}`).expect(403)).body.code).toBe('AUTH.FORBIDDEN');
      expect((await api().get('/api/offenders').set('Authorization', `Bearer ${outsider}`).expect(403)).body.code).toBe('AUTH.FORBIDDEN');

      const registered = await api().post('/api/offenders').set('Authorization', `Bearer ${supervisor}`).send(registration({ crn: 'S333333' })).expect(201);
      const history = await api().get(`/api/offenders/${registered.body.offenderId}/events`).set('Authorization', `Bearer ${supervisor}`).expect(200);
      expect(history.body.events[0].metadata.actor).toMatchObject({ userId: 'oidc:s1', role: 'supervisor', roles: ['supervisor'] });
    });

    it.each([
      ['meant for another audience', { audience: 'some-other-api' }, 'AUTH.TOKEN_INVALID'],
      ['from another issuer', { issuer: 'https://idp.elsewhere.example' }, 'AUTH.TOKEN_INVALID'],
      ['signed by a key that is not the provider’s', { signedByStranger: true }, 'AUTH.TOKEN_INVALID'],
      ['that has expired', { issuedSecondsAgo: 3600, lifetimeSeconds: 300 }, 'AUTH.TOKEN_EXPIRED'],
    ])('refuses a token %s with 401, and appends nothing', async (_, options, code) => {
      const token = await provider.accessToken(casey, options);
      const before = await t.store.headPosition();
      const refused = await api().post('/api/offenders').set('Authorization', `Bearer ${token}`).send(registration({ crn: 'R444444' })).expect(401);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body.code).toBe(code);
      expect(await t.store.headPosition()).toBe(before);
    });

    it('refuses an ID token offered as an access token: it proves a sign-in, it does not grant API access', async () => {
      const idTokenLike = await provider.accessToken({ ...casey, nonce: 'the-nonce-of-a-browser-sign-in' });
      const refused = await api().get('/api/offenders').set('Authorization', `Bearer ${idTokenLike}`).expect(401);
      expect(refused.body.code).toBe('AUTH.TOKEN_INVALID');
    });

    it('issues no tokens of its own: POST /api/auth/token is not there', async () => {
      const response = await api().post('/api/auth/token').send({ username: 'casey', password: 'correct horse battery staple' }).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('has no local password sign-in: POST /sign-in is not there', async () => {
      await api().post('/sign-in').type('form').send({ username: 'casey', password: 'correct horse battery staple' }).expect(404);
    });
  });

  describe('signing in with a browser', () => {
    it('sends the browser to the provider with state, a nonce and a PKCE S256 challenge for this service’s callback', async () => {
      const toProvider = await browser().get('/sign-in').expect(303);
      const authorize = new URL(toProvider.headers.location);
      expect(authorize.origin + authorize.pathname).toBe(`${provider.issuer}/authorize`);
      expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
        client_id: CLIENT_ID,
        response_type: 'code',
        redirect_uri: `${PUBLIC_URL}/sign-in/callback`,
        code_challenge_method: 'S256',
        code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        state: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
        nonce: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
      });
      expect(authorize.searchParams.get('scope')?.split(' ')).toContain('openid');
      expect(sessionId(toProvider)).toBeDefined();
    });

    it('signs the user in when the provider sends them back, on a new session, and returns them where they were going', async () => {
      provider.signInAs(casey);
      const agent = browser();
      const toProvider = await agent.get('/sign-in').query({ returnTo: '/?from=a-bookmark' }).expect(303);
      const callback = await throughProvider(toProvider);
      expect(provider.authorizations.at(-1)).toMatchObject({ codeChallengeMethod: 'S256', state: expect.any(String), nonce: expect.any(String) });

      const signedIn = await agent.get(callback).expect(303);
      expect(signedIn.headers.location).toBe('/?from=a-bookmark');
      // A new session id once signed in, so one planted before sign-in is worth nothing.
      expect(sessionId(signedIn)).toBeDefined();
      expect(sessionId(signedIn)).not.toBe(sessionId(toProvider));

      const home = await agent.get('/').expect(200);
      expect(home.text).toContain('Casey Worker');
      expect(home.text).toContain('Signed in as <strong>Casey Worker</strong> (caseworker)');
      // The session is for pages: the API still wants a bearer token.
      expect((await agent.get('/api/offenders').expect(401)).body.code).toBe('AUTH.SIGN_IN_REQUIRED');
    });

    it('signs the user out here and then at the provider, which sends them back to the signed-out page', async () => {
      provider.signInAs(casey);
      const agent = browser();
      await agent.get(await throughProvider(await agent.get('/sign-in').expect(303))).expect(303);
      const home = await agent.get('/').expect(200);
      const csrf = csrfOf(home.text);
      const signedOut = await agent.post('/sign-out').type('form').send({ _csrf: csrf }).expect(303);
      const atProvider = new URL(signedOut.headers.location);
      expect(atProvider.origin + atProvider.pathname).toBe(`${provider.issuer}/end-session`);
      expect(Object.fromEntries(atProvider.searchParams)).toEqual({ client_id: CLIENT_ID, post_logout_redirect_uri: `${PUBLIC_URL}/signed-out` });
      await agent.get('/').expect(303);
    });

    it('refuses a callback whose state is not the one it sent, creates no session, and lets the flow be answered only once', async () => {
      provider.signInAs(casey);
      const agent = browser();
      const callback = new URL(await throughProvider(await agent.get('/sign-in').expect(303)), PUBLIC_URL);
      const forged = new URL(callback);
      forged.searchParams.set('state', 'a-state-this-service-never-sent');

      const refused = await agent.get(forged.pathname + forged.search).expect(400);
      expect(refused.text).toContain('Sign-in did not complete');
      expect((await agent.get('/').expect(303)).headers.location).toBe('/sign-in?returnTo=%2F');
      // The genuine answer arriving later finds the flow used up.
      expect((await agent.get(callback.pathname + callback.search).expect(400)).text).toContain('Your sign-in has expired');
      expect((await agent.get('/').expect(303)).headers.location).toMatch(/^\/sign-in/);
    });

    it('refuses a callback that no sign-in started, and leaves the browser signed out', async () => {
      const agent = browser();
      const refused = await agent.get('/sign-in/callback').query({ code: 'made-up', state: 'made-up' }).expect(400);
      expect(refused.text).toContain('Your sign-in has expired');
      expect((await agent.get('/').expect(303)).headers.location).toMatch(/^\/sign-in/);
    });

    it('refuses an ID token signed by a key that is not the provider’s', async () => {
      provider.signInAs(casey, { idTokenSignedByStranger: true });
      const agent = browser();
      const callback = await throughProvider(await agent.get('/sign-in').expect(303));
      expect((await agent.get(callback).expect(400)).text).toContain('Sign-in did not complete');
      expect((await agent.get('/').expect(303)).headers.location).toMatch(/^\/sign-in/);
    });

    it('tells a user the provider vouches for but who has no role here that they have no access, and does not sign them in', async () => {
      provider.signInAs({ sub: 'f1', preferred_username: 'fran', name: 'Fran Finance', groups: ['finance-team'], areas: ['northumbria'] });
      const agent = browser();
      const callback = await throughProvider(await agent.get('/sign-in').expect(303));
      const refused = await agent.get(callback).expect(403);
      expect(refused.text).toContain('You do not have access to this service');
      expect(refused.text).toContain('You signed in as Fran Finance, but you have not been given a role in PPO Journey');
      expect((await agent.get('/').expect(303)).headers.location).toMatch(/^\/sign-in/);
    });
  });
});
