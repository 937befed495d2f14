import type { ModuleRef } from '@nestjs/core';
import { SqliteAccessLog } from '@ppo/audit';
import { roleGranting, type Principal } from '@ppo/auth';
import type { Request } from 'express';

/**
 * Logs the home page's consultation of offenders' data (DPA 2018 s.62). The
 * access-log interceptor logs routes that name a permission; the home page is
 * open to any signed-in user (`@SignedIn()`), so the interceptor passes it by,
 * yet a case worker's home shows their offenders' names and CRNs. If the
 * interceptor comes to log signed-in routes that note subjects, this goes.
 */
export function logHomeConsultation(moduleRef: ModuleRef, request: Request, principal: Principal, subjects: Iterable<string>): void {
  const ids = [...new Set(subjects)];
  if (ids.length === 0) return;
  const id = (request as { id?: unknown }).id;
  moduleRef.get(SqliteAccessLog, { strict: false }).append({
    at: new Date().toISOString(),
    kind: 'consultation',
    userId: principal.userId,
    username: principal.username,
    role: roleGranting(principal.roles, 'reports.cases') ?? principal.roles[0] ?? '',
    route: 'GET /',
    url: request.originalUrl,
    subjects: ids,
    correlationId: typeof id === 'string' ? id : '',
  });
}
