import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../access/access-rule.decorator';
import { LocalSignIn, SIGN_IN_FAILED, SignInFailedError } from '../../sign-in/local-sign-in';
import { regenerateSession, renderPage, safeReturnPath, type FieldError } from '../page';

/** The sign-in page for local accounts. */
@ApiExcludeController()
@Controller('sign-in')
export class SignInController {
  constructor(private readonly signIn: LocalSignIn) {}

  @Get()
  @Public()
  show(@Req() request: Request, @Res() response: Response): void {
    // Touch the session so it exists and holds a CSRF token for the form.
    request.session.returnTo ??= safeReturnPath(request.query.returnTo);
    renderPage(request, response, 'sign-in/sign-in.njk', { values: {} });
  }

  @Post()
  @Public()
  async submit(@Req() request: Request, @Res() response: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const errors: FieldError[] = [];
    if (!username) errors.push({ field: 'username', text: 'Enter your username' });
    if (!password) errors.push({ field: 'password', text: 'Enter your password' });
    if (errors.length === 0) {
      try {
        const account = await this.signIn.signIn(username, password);
        const returnTo = safeReturnPath(request.session.returnTo);
        await regenerateSession(request, () => {
          request.session.userId = account.id;
        });
        response.redirect(303, returnTo);
        return;
      } catch (error) {
        if (!(error instanceof SignInFailedError)) throw error;
        errors.push({ field: 'username', text: SIGN_IN_FAILED });
      }
    }
    // 401 for refused credentials (what sign-in throttling counts), 400 for a form left blank.
    const refused = errors.some((e) => e.text === SIGN_IN_FAILED);
    renderPage(request, response, 'sign-in/sign-in.njk', { errors, values: { username } }, refused ? 401 : 400);
  }
}
