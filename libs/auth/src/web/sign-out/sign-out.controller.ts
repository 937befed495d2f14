import { Controller, Get, Inject, Logger, Optional, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../access/access-rule.decorator';
import { OidcClient } from '../oidc-sign-in/oidc-client';
import { renderPage } from '../page';
import { SESSION_COOKIE } from '../web-sessions';

/**
 * Signing out ends the session on the server, not only in the browser; a user
 * signed in through the identity provider is sent there to sign out too, or
 * the next visit to /sign-in would sign them straight back in.
 */
@ApiExcludeController()
@Controller()
export class SignOutController {
  private readonly logger = new Logger('SignOut');

  constructor(@Optional() @Inject(OidcClient) private readonly oidc?: OidcClient) {}

  @Post('sign-out')
  @Public()
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viaProvider = !!request.session?.oidcPrincipal && !!this.oidc;
    await new Promise<void>((resolve) => (request.session ? request.session.destroy(() => resolve()) : resolve()));
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    let next = '/signed-out';
    if (viaProvider) {
      try {
        next = (await this.oidc!.endSessionUrl())?.href ?? next;
      } catch (error) {
        this.logger.warn(`Could not find the identity provider's sign-out address: ${(error as Error).message}`);
      }
    }
    response.redirect(303, next);
  }

  @Get('signed-out')
  @Public()
  signedOut(@Req() request: Request, @Res() response: Response): void {
    renderPage(request, response, 'sign-in/signed-out.njk', { timedOut: request.query.reason === 'timeout' });
  }
}
