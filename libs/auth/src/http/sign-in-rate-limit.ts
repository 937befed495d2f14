import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { isApiRequest } from './authenticator';

/** Attempts at signing in allowed per client address in the window, on top of the per-account lockout. */
export const SIGN_IN_ATTEMPTS = { limit: 10, windowMinutes: 5 } as const;

/** Throttles sign-in (the page and the token endpoint) per client address: 429 once past the limit. */
export function signInRateLimit(): RequestHandler {
  return rateLimit({
    windowMs: SIGN_IN_ATTEMPTS.windowMinutes * 60_000,
    limit: SIGN_IN_ATTEMPTS.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (request, response) => {
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
  });
}
