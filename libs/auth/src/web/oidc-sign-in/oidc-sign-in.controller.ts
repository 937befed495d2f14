import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { IDToken } from 'openid-client';
import { Public } from '../../access/access-rule.decorator';
import { principalFromClaims } from '../../oidc/oidc-claims';
import { regenerateSession, renderPage, safeReturnPath } from '../page';
import { isRefusedSignIn, OidcClient } from './oidc-client';

const queryOf = (url: string) => {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at);
};

/**
 * Sign-in through the organisation's identity provider, in place of the local
 * sign-in page: /sign-in sends the browser to the provider, and the provider
 * sends it back to /sign-in/callback. The session keeps the flow's state,
 * nonce and PKCE verifier in between, and is replaced by a fresh one holding
 * the user once the provider has vouched for them.
 */
@ApiExcludeController()
@Controller('sign-in')
export class OidcSignInController {
  private readonly logger = new Logger('OidcSignIn');

  constructor(private readonly oidc: OidcClient) {}

  @Get()
  @Public()
  async start(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { url, flow } = await this.oidc.start();
    request.session.returnTo = safeReturnPath(request.query.returnTo ?? request.session.returnTo);
    request.session.oidcFlow = flow;
    response.redirect(303, url.href);
  }

  @Get('callback')
  @Public()
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const flow = request.session.oidcFlow;
    if (!flow) {
      return renderPage(request, response, 'errors/error.njk', { title: 'Your sign-in has expired', message: 'Sign in again.' }, 400);
    }
    // Each flow is answered once: a replayed or forged callback finds nothing left to complete.
    delete request.session.oidcFlow;
    const returnTo = safeReturnPath(request.session.returnTo);
    let claims: IDToken;
    try {
      claims = await this.oidc.finish(queryOf(request.originalUrl), flow);
    } catch (error) {
      if (!isRefusedSignIn(error)) throw error;
      this.logger.warn(`Sign-in through the identity provider refused: ${error.code ?? error.name}: ${error.message}`);
      const message = 'The identity provider did not sign you in, or its answer could not be checked. Sign in again.';
      return renderPage(request, response, 'errors/error.njk', { title: 'Sign-in did not complete', message }, 400);
    }
    const principal = principalFromClaims(claims, this.oidc.config, 'oidc-session');
    if (principal.roles.length === 0) {
      this.logger.warn(`${principal.userId} (${principal.username}) signed in at the identity provider but holds no role in this service`);
      const message = `You signed in as ${principal.displayName}, but you have not been given a role in PPO Journey. Ask your manager to arrange access.`;
      return renderPage(request, response, 'errors/error.njk', { title: 'You do not have access to this service', message }, 403);
    }
    await regenerateSession(request, () => {
      request.session.oidcPrincipal = principal;
    });
    response.redirect(303, returnTo);
  }
}
