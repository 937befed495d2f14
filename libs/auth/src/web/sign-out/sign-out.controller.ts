import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../access/access-rule.decorator';
import { renderPage } from '../page';
import { SESSION_COOKIE } from '../web-sessions';

/** Signing out ends the session on the server, not only in the browser. */
@ApiExcludeController()
@Controller()
export class SignOutController {
  @Post('sign-out')
  @Public()
  signOut(@Req() request: Request, @Res() response: Response): void {
    const done = () => {
      response.clearCookie(SESSION_COOKIE, { path: '/' });
      response.redirect(303, '/signed-out');
    };
    if (request.session) request.session.destroy(done);
    else done();
  }

  @Get('signed-out')
  @Public()
  signedOut(@Req() request: Request, @Res() response: Response): void {
    renderPage(request, response, 'sign-in/signed-out.njk', { timedOut: request.query.reason === 'timeout' });
  }
}
