import type { Request, Response } from 'express';
import type { RequestWithAccess } from '../access/request-access';
import { csrf } from './web-sessions';

/** One error of a form, for the GOV.UK error summary and the field's message. */
export interface FieldError {
  field: string;
  text: string;
}

/** What every page's template gets: the signed-in user, the form's CSRF token, the CSP nonce, and any errors. */
export function pageLocals(request: Request, response: Response, locals: Record<string, unknown> = {}): Record<string, unknown> {
  const errors = (locals.errors as FieldError[] | undefined) ?? [];
  return {
    principal: (request as RequestWithAccess).principal,
    csrfToken: request.session ? csrf.generateToken(request) : undefined,
    cspNonce: response.locals.cspNonce,
    currentPath: request.path,
    ...locals,
    errors,
    errorList: errors.map((e) => ({ text: e.text, href: `#${e.field}` })),
    errorFor: Object.fromEntries(errors.map((e) => [e.field, { text: e.text }])),
  };
}

/** Renders a page with the common locals. */
export function renderPage(request: Request, response: Response, view: string, locals: Record<string, unknown> = {}, status = 200): void {
  response.status(status).render(view, pageLocals(request, response, locals));
}

/** A path on this site to go back to after signing in; anything else becomes "/". */
export function safeReturnPath(path: unknown): string {
  return typeof path === 'string' && /^\/(?![/\\])/.test(path) ? path : '/';
}

/** Starts a fresh session (a new id, so one planted before sign-in is worthless), then runs `fill` on it and saves. */
export function regenerateSession(request: Request, fill: () => void): Promise<void> {
  return new Promise((resolve, reject) =>
    request.session.regenerate((error) => {
      if (error) return reject(error);
      fill();
      request.session.save((saveError) => (saveError ? reject(saveError) : resolve()));
    }),
  );
}
