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
}

export type RequestWithAccess = Request & { access?: RequestAccess; principal?: Principal };

/** The access established for this request; throws when a route reaches it without the guard having run. */
export function accessOf(request: Request): RequestAccess {
  const access = (request as RequestWithAccess).access;
  if (!access) throw new Error('No access was established for this request: the route has no access rule');
  return access;
}

/** Injects the request's RequestAccess. */
export const CurrentAccess = createParamDecorator((_: unknown, ctx: ExecutionContext) => accessOf(ctx.switchToHttp().getRequest<Request>()));
