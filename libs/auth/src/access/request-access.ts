import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AreaScope, Principal } from './principal';
import type { Role } from './roles';

/** What the access guard established about a request: who, acting as which role, over which areas. */
export interface RequestAccess {
  principal: Principal;
  /** The caller's role that granted the route's permission. */
  role: Role;
  /** The areas the caller may see for that permission. */
  scope: AreaScope;
  /** The area of the offender or registration the request concerns, when there is one. */
  area?: string;
  /** The restriction on the offender's record, for the few who may still see it. */
  restriction?: { reason: string; since: string };
}

export type RequestWithAccess = Request & { access?: RequestAccess; principal?: Principal; accessLogSubjects?: Set<string> };

/** The access established for this request; throws when a route reaches it without the guard having run. */
export function accessOf(request: Request): RequestAccess {
  const access = (request as RequestWithAccess).access;
  if (!access) throw new Error('No access was established for this request: the route has no access rule');
  return access;
}

/** Injects the request's RequestAccess. */
export const CurrentAccess = createParamDecorator((_: unknown, ctx: ExecutionContext) => accessOf(ctx.switchToHttp().getRequest<Request>()));

/** Offenders a request touched beyond the one in its path (lists, reports), for the access log. */
export function noteSubjects(request: Request, offenderIds: Iterable<string>): void {
  const r = request as RequestWithAccess;
  r.accessLogSubjects ??= new Set();
  for (const id of offenderIds) r.accessLogSubjects.add(id);
}

/** Every `offenderId` value anywhere in a response body. */
export function collectOffenderIds(body: unknown, found = new Set<string>(), depth = 0): Set<string> {
  if (depth > 6 || body === null || typeof body !== 'object') return found;
  if (Array.isArray(body)) {
    for (const item of body) collectOffenderIds(item, found, depth + 1);
    return found;
  }
  for (const [key, value] of Object.entries(body)) {
    if (key === 'offenderId' && typeof value === 'string') found.add(value);
    else if (typeof value === 'object') collectOffenderIds(value, found, depth + 1);
  }
  return found;
}
