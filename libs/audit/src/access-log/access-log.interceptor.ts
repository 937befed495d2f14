import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, collectOffenderIds, type AccessRule, type Permission, type Principal, type RequestWithAccess } from '@ppo/auth';
import type { Request, Response } from 'express';
import { mergeMap, type Observable } from 'rxjs';
import type { AccessKind } from './access-log-entry';
import { accessLogNoteOf } from './access-log-notes';
import { SqliteAccessLog } from './sqlite-access-log';

/** Permissions whose routes consult offenders' personal data, and those that alter it. */
export const CONSULTING: readonly Permission[] = ['offender.read', 'reports.cases', 'reports.activity', 'subject.access', 'retention.review'];
export const ALTERING: readonly Permission[] = ['offender.command', 'offender.supervise', 'offender.restrict', 'personal-data.erase'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const header = (request: Request, name: string) => {
  const value = request.header(name)?.trim();
  return value ? value.slice(0, 500) : undefined;
};

/**
 * Logs every consultation, disclosure and alteration of offenders' data, once
 * the route has answered successfully: who, when, which subjects, which route,
 * and the purpose and recipient the caller gave (X-Access-Purpose,
 * X-Disclosure-Recipient). A CSV export, a named recipient or a route's
 * `noteDisclosure` makes it a disclosure; a route's `noteAccessLogSearch`
 * logs an auditor's search of the log, whatever its permission.
 * If the log cannot be written the request fails: an unlogged consultation is
 * not allowed to happen quietly. So the answer waits for its entry to be
 * committed; entries from requests answering at the same moment share one
 * transaction (SqliteAccessLog.record).
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  private readonly logger = new Logger('AccessLog');

  constructor(
    private readonly reflector: Reflector,
    private readonly log: SqliteAccessLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<RequestWithAccess>();
    const response = context.switchToHttp().getResponse<Response>();
    // A page open to anyone signed in (their home) is logged when it says it showed offenders.
    if (rule && 'signedIn' in rule && rule.signedIn) {
      return next.handle().pipe(
        mergeMap(async (body: unknown) => {
          if (response.statusCode < 400 && request.accessLogSubjects?.size && request.principal) {
            await this.write(request, 'consultation', request.accessLogSubjects, { principal: request.principal, role: request.principal.roles[0] ?? '' });
          }
          return body;
        }),
      );
    }
    if (!rule || !('permission' in rule)) return next.handle();
    const touchesOffenders = ALTERING.includes(rule.permission) || CONSULTING.includes(rule.permission);
    // Reading a page or record is a consultation whatever it leads to (a command's form shows whose record it is).
    const kind: AccessKind = ['GET', 'HEAD'].includes(request.method) ? 'consultation' : ALTERING.includes(rule.permission) ? 'alteration' : 'consultation';
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        if (response.statusCode >= 400) return body;
        // The search alone is logged: its answer lists entries, not offenders' data.
        const search = accessLogNoteOf(request)?.search;
        if (search) {
          if (request.access) await this.write(request, 'search', new Set(search.subjects), request.access);
          return body;
        }
        if (!touchesOffenders) return body;
        const subjects = new Set<string>(request.accessLogSubjects ?? []);
        const fromPath = rule.offenderParam ? request.params[rule.offenderParam] : undefined;
        if (typeof fromPath === 'string' && UUID.test(fromPath)) subjects.add(fromPath);
        collectOffenderIds(body, subjects);
        // A page or list that showed nobody's data consulted nothing.
        if (subjects.size === 0 && kind === 'consultation') return body;
        if (request.access) await this.write(request, kind, subjects, request.access);
        return body;
      }),
    );
  }

  private async write(request: RequestWithAccess, kind: AccessKind, subjects: Set<string>, access: { principal: Principal; role: string }): Promise<void> {
    const csv = request.query.format === 'csv' || (request.query.format === undefined && request.accepts(['application/json', 'text/csv', 'text/html']) === 'text/csv');
    const disclosure = accessLogNoteOf(request)?.disclosure;
    const recipient = disclosure?.recipient ?? header(request, 'x-disclosure-recipient');
    const effective: AccessKind = kind === 'consultation' && (csv || recipient || disclosure) ? 'disclosure' : kind;
    const route = `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`;
    try {
      await this.log.record({
        at: new Date().toISOString(),
        kind: effective,
        userId: access.principal.userId,
        username: access.principal.username,
        role: access.role,
        route,
        url: withoutSearchTerms(request.originalUrl),
        subjects: [...subjects],
        purpose: header(request, 'x-access-purpose'),
        recipient,
        correlationId: typeof (request as { id?: unknown }).id === 'string' ? ((request as { id?: string }).id as string) : '',
      });
    } catch (error) {
      this.logger.error(`Could not write the access log for ${route}: ${(error as Error).message}`);
      throw error;
    }
  }
}

/** Free-text query parameters: a search for a name would put the name into a log that can never be erased. */
const SEARCH_TERMS = ['q'];

/** The URL as logged: free-text search terms are replaced, every other parameter kept as it was. */
export function withoutSearchTerms(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  let changed = false;
  for (const name of SEARCH_TERMS) {
    if (params.has(name)) {
      params.set(name, '[search term]');
      changed = true;
    }
  }
  return changed ? `${url.slice(0, at)}?${params.toString()}` : url;
}
