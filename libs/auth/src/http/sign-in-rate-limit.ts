import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { isApiRequest } from './authenticator';

/**
 * Failed sign-ins allowed in the window: per client address and username (a
 * guessing attack on one account), and per client address alone (spraying many
 * accounts), on top of the per-account lockout. A whole office behind one
 * address signing in correctly is never throttled: only failures count.
 */
export const SIGN_IN_ATTEMPTS = { perUsername: 10, perAddress: 50, windowMinutes: 5 } as const;

const usernameOf = (body: unknown) => {
  const username = (body as Record<string, unknown> | undefined)?.username;
  return typeof username === 'string' ? username.trim().toLowerCase().slice(0, 64) : '';
};

/** Throttles failed sign-ins (the page and the token endpoint): 429 once past either limit. */
export function signInRateLimit(): RequestHandler[] {
  const shared = {
    windowMs: SIGN_IN_ATTEMPTS.windowMinutes * 60_000,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Only a refused password counts; a malformed request never reached the password check.
    requestWasSuccessful: (_request: Request, response: Response) => response.statusCode !== 401,
    skipSuccessfulRequests: true,
    handler: (request: Request, response: Response) => {
      const detail = `Too many sign-in attempts from your address. Wait ${SIGN_IN_ATTEMPTS.windowMinutes} minutes and try again.`;
      response.status(429);
      if (isApiRequest(request)) {
        response.type('application/problem+json').json({
          type: 'urn:ppo-journey:problem:auth-too-many-attempts',
          title: 'Too many sign-in attempts.',
          status: 429,
          detail,
          code: 'AUTH.TOO_MANY_ATTEMPTS',
          instance: request.originalUrl,
        });
      } else {
        response.render('errors/error.njk', { title: 'Too many sign-in attempts', message: detail, cspNonce: response.locals.cspNonce });
      }
    },
  } as const;
  return [
    rateLimit({ ...shared, limit: SIGN_IN_ATTEMPTS.perAddress }),
    rateLimit({
      ...shared,
      limit: SIGN_IN_ATTEMPTS.perUsername,
      keyGenerator: (request) => `${ipKeyGenerator(request.ip ?? '')}|${usernameOf(request.body)}`,
    }),
  ];
}
