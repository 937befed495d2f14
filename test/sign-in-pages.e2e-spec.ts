import { SqliteAccountStore } from '@ppo/auth';
import request from 'supertest';
import { csrfOf, sessionCookie } from './support/browser';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';


describe('Signing in to the pages with a browser session', () => {
  let t: TestApp;
  let browser: ReturnType<typeof request.agent>;
  beforeEach(async () => {
    t = await startTestApp();
    browser = request.agent(t.app.getHttpServer());
  });
  afterEach(() => t.close());

  async function signIn(status: number, username = 'casey', password = TEST_PASSWORD) {
    const form = await browser.get('/sign-in').expect(200);
    return browser.post('/sign-in').type('form').send({ username, password, _csrf: csrfOf(form.text) }).expect(status);
  }

  it('sends a visitor who is not signed in to the sign-in page, and back where they were going afterwards', async () => {
    const home = await browser.get('/').expect(303);
    expect(home.headers.location).toBe('/sign-in?returnTo=%2F');
    await browser.get(home.headers.location).expect(200);
    const form = await browser.get('/sign-in').expect(200);
    expect(form.text).toContain('<h1 class="govuk-heading-l">Sign in</h1>');
    const signedIn = await browser.post('/sign-in').type('form').send({ username: 'casey', password: TEST_PASSWORD, _csrf: csrfOf(form.text) }).expect(303);
    expect(signedIn.headers.location).toBe('/');
    const page = await browser.get('/').expect(200);
    expect(page.text).toContain('Signed in as <strong>Test casey</strong> (caseworker)');
  });

  it('gives a new, HttpOnly, SameSite session cookie at sign-in that lapses after 15 idle minutes', async () => {
    const before = sessionCookie(await browser.get('/sign-in').expect(200));
    const form = await browser.get('/sign-in');
    const signedIn = await browser.post('/sign-in').type('form').send({ username: 'casey', password: TEST_PASSWORD, _csrf: csrfOf(form.text) }).expect(303);
    const after = sessionCookie(signedIn)!;
    expect(after).toMatch(/; HttpOnly/);
    expect(after).toMatch(/; SameSite=Lax/);
    expect(after).toMatch(/; Path=\//);
    expect(after.split(';')[0]).not.toBe(before?.split(';')[0]);
    const expires = new Date(/Expires=([^;]+)/.exec(after)![1]).getTime();
    expect(expires - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(15 * 60_000);
  });

  it('refuses a form posted without its CSRF token, signing nobody in', async () => {
    await browser.get('/sign-in').expect(200);
    const refused = await browser.post('/sign-in').type('form').send({ username: 'casey', password: TEST_PASSWORD }).expect(403);
    expect(refused.text).toContain('This form has expired.');
    await browser.get('/').expect(303);
    await browser.post('/sign-in').type('form').send({ username: 'casey', password: TEST_PASSWORD, _csrf: 'forged' }).expect(403);
    await browser.get('/').expect(303);
  });

  it('shows the GOV.UK error summary for a wrong password, and for empty fields', async () => {
    const wrong = await signIn(401, 'casey', 'not the right password');
    expect(wrong.text).toContain('There is a problem');
    expect(wrong.text).toContain('Enter a correct username and password.');
    expect(wrong.text).toContain('<title>Error: Sign in');
    const empty = await signIn(400, '', '');
    expect(empty.text).toContain('Enter your username');
    expect(empty.text).toContain('Enter your password');
  });

  it('ends the session on the server at sign-out, so the old cookie no longer works', async () => {
    await signIn(303);
    const home = await browser.get('/').expect(200);
    const cookie = sessionCookie(await browser.get('/').expect(200)) ?? '';
    await browser.post('/sign-out').type('form').send({}).expect(403);
    const signedOut = await browser.post('/sign-out').type('form').send({ _csrf: csrfOf(home.text) }).expect(303);
    expect(signedOut.headers.location).toBe('/signed-out');
    await browser.get('/').expect(303);
    await request(t.app.getHttpServer()).get('/').set('Cookie', cookie.split(';')[0]).expect(303);
  });

  it('signs out a session left idle past its expiry', async () => {
    await signIn(303);
    t.app.get(SqliteAccountStore).db.prepare('UPDATE sessions SET expires_at = ?').run(Date.now() - 1);
    await browser.get('/').expect(303);
  });

  it('never lets a session cookie drive the API, which takes bearer tokens only', async () => {
    await signIn(303);
    const refused = await browser.get('/api/offenders').expect(401);
    expect(refused.body.code).toBe('AUTH.SIGN_IN_REQUIRED');
  });

  it('stops a disabled user’s session at their next request', async () => {
    await signIn(303);
    t.app.get(SqliteAccountStore).setDisabled('casey', true, new Date());
    await browser.get('/').expect(303);
  });

  it('throttles a browser guessing passwords, with a page in words', async () => {
    for (let i = 0; i < 10; i++) await signIn(401, 'supervisor', `guess number ${i}`);
    const throttled = await signIn(429, 'supervisor', 'guess number 11');
    expect(throttled.text).toContain('Too many sign-in attempts');
  });
});
