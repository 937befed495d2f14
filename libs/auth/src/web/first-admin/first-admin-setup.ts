import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { SqliteAccountStore } from '../../accounts/sqlite-account-store';
import { AUTH_OPTIONS, type AuthModuleOptions } from '../../http/auth-options';

/**
 * With no account yet, the service makes a one-time link for creating the
 * first admin and prints it at start-up; there is no default password. The
 * link dies when it is used, when any account exists, or at restart.
 */
@Injectable()
export class FirstAdminSetup {
  private token?: string;

  constructor(
    private readonly accounts: SqliteAccountStore,
    @Inject(AUTH_OPTIONS) private readonly options: AuthModuleOptions,
  ) {}

  /** The path of the one-time link, or undefined when it is not needed. */
  link(): string | undefined {
    if (this.options.config.mode !== 'local' || this.accounts.count() > 0) return undefined;
    this.token ??= randomBytes(32).toString('base64url');
    return `/setup/${this.token}`;
  }

  /** Whether a token is the live one-time token. */
  isValid(token: string): boolean {
    if (!this.token || this.accounts.count() > 0) return false;
    const a = Buffer.from(token);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  consume(): void {
    this.token = undefined;
  }
}
