import { Inject, Injectable, Logger, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@ppo/domain';
import type { Request } from 'express';
import { AccessError } from '../access/access-error';
import { ACCESS_RULE, type AccessRule } from '../access/access-rule.decorator';
import { areaScopeOf, inScope } from '../access/principal';
import type { RequestWithAccess } from '../access/request-access';
import { roleGranting, seesRestricted } from '../access/roles';
import { OFFENDER_AREAS, type OffenderAreas } from './auth-options';
import { Authenticator, isApiRequest } from './authenticator';
import { csrf } from '../web/web-sessions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one place access is decided, for every route: who is calling, whether a
 * role of theirs grants the route's permission, and whether the offender or
 * area concerned is in their areas. A route with no rule is refused, so a new
 * route cannot be open by accident; an offender outside the caller's areas
 * answers 404, exactly as one that does not exist.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    @Optional() @Inject(OFFENDER_AREAS) private readonly offenderAreas?: OffenderAreas,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) {
      this.logger.error(`${request.method} ${request.path} has no access rule: refused`);
      throw new AccessError('AUTH.NO_ACCESS_RULE', 403, 'You do not have permission to do this.', 'This route has no access rule.');
    }
    const principal = await this.authenticator.authenticate(request);
    this.checkCsrf(request);
    if ('public' in rule && rule.public) {
      if (principal) (request as RequestWithAccess).principal = principal;
      return true;
    }
    if (!principal) throw AccessError.signInRequired();
    if ('signedIn' in rule && rule.signedIn) {
      (request as RequestWithAccess).principal = principal;
      return true;
    }
    const role = roleGranting(principal.roles, rule.permission);
    if (!role) throw AccessError.forbidden();
    const scope = areaScopeOf(principal, rule.permission);
    let area: string | undefined;
    let restriction: { reason: string; since: string } | undefined;
    if (rule.offenderParam) {
      const offenderId = request.params[rule.offenderParam];
      // A malformed id is left to the route's own validation (400); it cannot name anyone.
      if (typeof offenderId === 'string' && UUID.test(offenderId)) {
        const facts = await this.offenderAreas?.factsOf(offenderId);
        if (!facts || !inScope(scope, facts.area)) throw new DomainError('OFFENDER.NOT_REGISTERED');
        // A restricted record does not exist for anyone but auditors and the DPO.
        if (facts.restriction && !seesRestricted(principal.roles)) throw new DomainError('OFFENDER.NOT_REGISTERED');
        area = facts.area;
        restriction = facts.restriction;
      }
    }
    if (rule.areaField) {
      const requested = (request.body as Record<string, unknown> | undefined)?.[rule.areaField];
      if (typeof requested === 'string') {
        if (!inScope(scope, requested)) {
          throw new AccessError('AUTH.AREA_FORBIDDEN', 403, 'You do not work in this area.', `You cannot act in area "${requested}".`);
        }
        area = requested;
      }
    }
    (request as RequestWithAccess).access = { principal, role, scope, area, ...(restriction ? { restriction } : {}) };
    (request as RequestWithAccess).principal = principal;
    return true;
  }

  /** Every form post from a page must carry the session's CSRF token; the API takes no cookies, so needs none. */
  private checkCsrf(request: Request): void {
    if (isApiRequest(request) || ['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
    if (!request.session || !csrf.isRequestValid(request)) {
      throw new AccessError('AUTH.CSRF_TOKEN_INVALID', 403, 'This form has expired.', 'Go back, reload the page and try again.');
    }
  }
}
