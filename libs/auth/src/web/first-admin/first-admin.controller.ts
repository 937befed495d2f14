import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../access/access-rule.decorator';
import { usernameProblem } from '../../accounts/account';
import { SqliteAccountStore } from '../../accounts/sqlite-account-store';
import { AUTH_OPTIONS, type AuthModuleOptions } from '../../http/auth-options';
import { PasswordHasher, passwordProblem } from '../../passwords/password-hasher';
import { regenerateSession, renderPage, type FieldError } from '../page';
import { FirstAdminSetup } from './first-admin-setup';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The one-time page that creates the first admin on a new installation. */
@ApiExcludeController()
@Controller('setup')
export class FirstAdminController {
  constructor(
    private readonly setup: FirstAdminSetup,
    private readonly accounts: SqliteAccountStore,
    private readonly hasher: PasswordHasher,
    @Inject(AUTH_OPTIONS) private readonly options: AuthModuleOptions,
  ) {}

  @Get(':token')
  @Public()
  show(@Param('token') token: string, @Req() request: Request, @Res() response: Response): void {
    if (!this.setup.isValid(token)) throw new NotFoundException('This link has been used or has expired');
    request.session.returnTo = '/';
    renderPage(request, response, 'first-admin/first-admin.njk', { values: {}, token });
  }

  @Post(':token')
  @Public()
  async create(@Param('token') token: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.setup.isValid(token)) throw new NotFoundException('This link has been used or has expired');
    const values = { displayName: text(body.displayName), username: text(body.username) };
    const password = typeof body.password === 'string' ? body.password : '';
    const errors: FieldError[] = [];
    if (!values.displayName) errors.push({ field: 'displayName', text: 'Enter your full name' });
    const usernameError = usernameProblem(values.username);
    if (usernameError) errors.push({ field: 'username', text: usernameError });
    const passwordError = passwordProblem(password);
    if (passwordError) errors.push({ field: 'password', text: passwordError });
    else if (body.confirmPassword !== password) errors.push({ field: 'confirmPassword', text: 'The passwords do not match' });
    if (errors.length) return renderPage(request, response, 'first-admin/first-admin.njk', { errors, values, token }, 400);

    const account = this.accounts.addFirst(
      { ...values, roles: ['admin'], areas: [], passwordHash: await this.hasher.hash(password) },
      this.options.now(),
    );
    if (!account) throw new NotFoundException('This link has been used or has expired');
    this.setup.consume();
    await regenerateSession(request, () => {
      request.session.userId = account.id;
    });
    response.redirect(303, '/');
  }
}
