import { FirstAdminSetup, SqliteAccountStore } from '@ppo/auth';
import request from 'supertest';
import { csrfOf } from './support/browser';
import { startTestApp, type TestApp } from './support/test-app';


describe('Creating the first administrator on a new installation', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ users: false });
  });
  afterEach(() => t.close());

  const form = (overrides: Record<string, string> = {}) => ({
    displayName: 'Ada Admin',
    username: 'ada',
    password: 'a long enough password',
    confirmPassword: 'a long enough password',
    ...overrides,
  });

  it('offers a one-time link that creates an administrator, signs them in, and then never works again', async () => {
    const link = t.app.get(FirstAdminSetup).link()!;
    expect(link).toMatch(/^\/setup\/[A-Za-z0-9_-]{43}$/);
    const browser = request.agent(t.app.getHttpServer());
    const page = await browser.get(link).expect(200);
    expect(page.text).toContain('Create the first administrator');
    const created = await browser.post(link).type('form').send({ ...form(), _csrf: csrfOf(page.text) }).expect(303);
    expect(created.headers.location).toBe('/');
    const home = await browser.get('/').expect(200);
    expect(home.text).toContain('Signed in as <strong>Ada Admin</strong> (admin)');
    expect(t.app.get(SqliteAccountStore).list()).toEqual([expect.objectContaining({ username: 'ada', roles: ['admin'], areas: [] })]);

    await browser.get(link).expect(404);
    const again = await browser.post(link).type('form').send({ ...form({ username: 'mallory' }), _csrf: csrfOf(home.text) }).expect(404);
    expect(again.text).toContain('This link has been used or has expired');
    expect(t.app.get(FirstAdminSetup).link()).toBeUndefined();
    expect(t.app.get(SqliteAccountStore).count()).toBe(1);
  });

  it('shows each problem with the form in the GOV.UK error summary, and creates nobody', async () => {
    const link = t.app.get(FirstAdminSetup).link()!;
    const browser = request.agent(t.app.getHttpServer());
    const page = await browser.get(link).expect(200);
    const refused = await browser
      .post(link)
      .type('form')
      .send({ ...form({ displayName: ' ', username: 'no spaces allowed', password: 'short', confirmPassword: 'other' }), _csrf: csrfOf(page.text) })
      .expect(400);
    expect(refused.text).toContain('There is a problem');
    expect(refused.text).toContain('Enter your full name');
    expect(refused.text).toContain('Username must be 2 to 64 characters');
    expect(refused.text).toContain('Password must be at least 12 characters');
    expect(refused.text).toContain('href="#displayName"');
    const mismatch = await browser.post(link).type('form').send({ ...form({ confirmPassword: 'a different long password' }), _csrf: csrfOf(page.text) }).expect(400);
    expect(mismatch.text).toContain('The passwords do not match');
    expect(t.app.get(SqliteAccountStore).count()).toBe(0);
  });

  it('answers a guessed setup link with 404, and a post without the form’s CSRF token with 403', async () => {
    const link = t.app.get(FirstAdminSetup).link()!;
    await t.anonymous.get('/setup/not-the-token').expect(404);
    await t.anonymous.post(link).type('form').send(form()).expect(403);
    expect(t.app.get(SqliteAccountStore).count()).toBe(0);
  });
});
