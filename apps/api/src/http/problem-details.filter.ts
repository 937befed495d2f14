import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { AccessError, isApiRequest, pageLocals } from '@ppo/auth';
import { DomainError, type DomainErrorKind } from '@ppo/domain';
import { ApplicationError } from '@ppo/offenders';
import type { Request, Response } from 'express';
import { RequestValidationError } from './request-validation.error';
import { storeUnavailable } from './store-unavailable';

/** An RFC 9457 problem document, with the stable code and, for validation, one entry per field. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  errors?: { field: string; messages: string[] }[];
  [extension: string]: unknown;
}

const STATUS_BY_KIND: Record<DomainErrorKind, number> = { 'not-found': 404, conflict: 409, invalid: 422 };

const HTTP_CODES: Record<number, [string, string]> = {
  400: ['REQUEST.INVALID', 'The request is not valid.'],
  403: ['REQUEST.FORBIDDEN', 'You do not have permission to do this.'],
  404: ['REQUEST.NOT_FOUND', 'There is nothing at this address.'],
  405: ['REQUEST.METHOD_NOT_ALLOWED', 'This method is not allowed here.'],
  413: ['REQUEST.TOO_LARGE', 'The request body is too large.'],
  415: ['REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.'],
};

const typeOf = (code: string) => `urn:ppo-journey:problem:${code.toLowerCase().replace(/[._]/g, '-')}`;

/**
 * Maps every error to an answer, in one place: application/problem+json for
 * the API; for pages, a redirect to sign in or an error page in words. A store
 * that is busy or out of reach answers 503 with Retry-After (store-unavailable.ts).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const instance = request.originalUrl ?? request.url;
    const unavailable = storeUnavailable(error);
    const problem = unavailable
      ? this.problem(503, unavailable.code, unavailable.title, unavailable.detail, instance)
      : this.toProblem(error, instance);
    if (unavailable) this.logger.warn(`${unavailable.code}: ${error instanceof Error ? error.message : String(error)}`);
    else if (problem.status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (response.headersSent) return;
    if (unavailable) response.setHeader('Retry-After', String(unavailable.retryAfterSeconds));
    if (isApiRequest(request)) {
      if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="ppo-journey"');
      response.status(problem.status).type('application/problem+json').json(problem);
    } else if (problem.status === 401) {
      response.redirect(303, `/sign-in?returnTo=${encodeURIComponent(request.originalUrl)}`);
    } else {
      response.status(problem.status).render('errors/error.njk', pageLocals(request, response, { title: problem.title, message: problem.detail }));
    }
  }

  private toProblem(error: unknown, instance: string): ProblemDetails {
    if (error instanceof DomainError) {
      const errors = error.field ? [{ field: error.field, messages: [error.message] }] : undefined;
      return this.problem(STATUS_BY_KIND[error.kind], error.code, error.title, error.message, instance, { errors });
    }
    if (error instanceof AccessError) {
      return this.problem(error.status, error.code, error.title, error.message, instance);
    }
    if (error instanceof ApplicationError) {
      return this.problem(error.status, error.code, error.title, error.message, instance, error.extensions);
    }
    if (error instanceof RequestValidationError) {
      const detail = error.fields.map((f) => f.messages.join('; ')).join('; ');
      return this.problem(400, 'REQUEST.INVALID_BODY', 'The request body is not valid.', detail, instance, { errors: error.fields });
    }
    const parseFailure = (error instanceof HttpException && error.cause ? error.cause : error) as {
      type?: string;
      status?: number;
      message?: string;
    };
    if (parseFailure?.type === 'entity.parse.failed') {
      return this.problem(400, 'REQUEST.MALFORMED_JSON', 'The request body is not valid JSON.', parseFailure.message ?? '', instance);
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const [code, title] = HTTP_CODES[status] ?? [`HTTP.${status}`, error.message];
      const body = error.getResponse();
      const message = typeof body === 'object' && body !== null && 'message' in body ? (body as { message: unknown }).message : error.message;
      return this.problem(status, code, title, Array.isArray(message) ? message.join('; ') : String(message), instance);
    }
    if (typeof parseFailure?.status === 'number' && parseFailure.status >= 400 && parseFailure.status < 500) {
      const [code, title] = HTTP_CODES[parseFailure.status] ?? [`HTTP.${parseFailure.status}`, 'The request cannot be handled.'];
      return this.problem(parseFailure.status, code, title, parseFailure.message ?? title, instance);
    }
    return this.problem(500, 'INTERNAL', 'Something went wrong on our side.', 'The error has been logged.', instance);
  }

  private problem(
    status: number,
    code: string,
    title: string,
    detail: string,
    instance: string,
    extensions: Record<string, unknown> = {},
  ): ProblemDetails {
    const defined = Object.fromEntries(Object.entries(extensions).filter(([, v]) => v !== undefined));
    return { type: typeOf(code), title, status, detail, code, instance, ...defined };
  }
}
