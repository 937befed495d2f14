import { agent, type Response } from 'supertest';

/** The CSRF token a page's form carries, as a browser would post it back. */
export function csrfOf(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}

/** The session cookie a response sets, whole (`ppo.sid=...; Path=/; HttpOnly...`), if it sets one. */
export function sessionCookie(response: Response): string | undefined {
  return ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('ppo.sid='));
}

/**
 * A browser-like client (it keeps cookies) signed in through the sign-in page,
 * as a person would be; local test users all have the password TEST_PASSWORD.
 */
export async function signedInBrowser(server: Parameters<typeof agent>[0], username: string, password: string): Promise<ReturnType<typeof agent>> {
  const browser = agent(server);
  const form = await browser.get('/sign-in').expect(200);
  await browser.post('/sign-in').type('form').send({ username, password, _csrf: csrfOf(form.text) }).expect(303);
  return browser;
}
