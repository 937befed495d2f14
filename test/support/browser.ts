import type { Response } from 'supertest';

/** The CSRF token a page's form carries, as a browser would post it back. */
export function csrfOf(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}

/** The session cookie a response sets, whole (`ppo.sid=...; Path=/; HttpOnly...`), if it sets one. */
export function sessionCookie(response: Response): string | undefined {
  return ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('ppo.sid='));
}
