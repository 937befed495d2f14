import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { accessOf } from '@ppo/auth';
import type { Actor } from '@ppo/event-store';
import type { CommandContext } from '../command-context';

const IF_MATCH = /^(?:W\/)?"?(\d{1,15})"?$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The signed-in caller as events record them: who, in which role, in which area. */
function actorOf(request: Request): Actor {
  const { principal, role, area } = accessOf(request);
  return { userId: principal.userId, username: principal.username, role, roles: principal.roles, ...(area ? { area } : {}) };
}

/** Reads the caller, If-Match, Idempotency-Key and the correlation id of a request into a CommandContext. */
export function commandContextOf(request: Request): CommandContext {
  const ifMatchHeader = request.header('if-match');
  let ifMatch: number | undefined;
  if (ifMatchHeader !== undefined) {
    const match = IF_MATCH.exec(ifMatchHeader.trim());
    if (!match) throw new BadRequestException('If-Match must be the version you read, e.g. "3"');
    ifMatch = Number(match[1]);
  }
  const idempotencyKey = request.header('idempotency-key');
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new BadRequestException('Idempotency-Key must be 1 to 255 visible ASCII characters');
  }
  const requestId = (request as Request & { id?: unknown }).id;
  const correlationId = typeof requestId === 'string' ? requestId : randomUUID();
  return { actor: actorOf(request), correlationId, commandId: randomUUID(), ifMatch, idempotencyKey };
}

/** Injects the CommandContext of the current request. */
export const RequestCommandContext = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  commandContextOf(ctx.switchToHttp().getRequest<Request>()),
);
