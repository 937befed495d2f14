import type { RequestHandler } from 'express';
import session from 'express-session';
import { csrfSync } from 'csrf-sync';
import { isApiRequest } from '../http/authenticator';
import type { SqliteSessionStore } from '../sessions/sqlite-session-store';

/** The name of the session cookie. */
export const SESSION_COOKIE = 'ppo.sid';

/** Synchroniser-token CSRF protection: each session holds a token, and every form posts it back as `_csrf`. */
export const csrf = csrfSync({
  getTokenFromRequest: (req) => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
    return typeof fromBody === 'string' ? fromBody : req.header('x-csrf-token');
  },
});

/**
 * Browser sessions for the pages (never for /api): an HttpOnly, SameSite=Lax
 * cookie, Secure whenever the request came over https, that lapses after the
 * idle timeout; each request pushes the timeout back.
 */
export function sessionMiddleware(store: SqliteSessionStore, secret: string, idleMinutes: number): RequestHandler {
  const handler = session({
    name: SESSION_COOKIE,
    store,
    secret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: idleMinutes * 60_000, path: '/' },
  });
  return (req, res, next) => (isApiRequest(req) ? next() : handler(req, res, next));
}
