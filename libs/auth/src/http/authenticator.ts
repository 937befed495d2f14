import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Request } from 'express';
import { AccessError } from '../access/access-error';
import type { Principal } from '../access/principal';
import type { Account } from '../accounts/account';
import { SqliteAccountStore } from '../accounts/sqlite-account-store';
import { OidcAccessTokens } from '../oidc/oidc-access-tokens';
import { AccessTokens, InvalidTokenError } from '../tokens/access-tokens';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

export const principalOf = (account: Account, via: Principal['via']): Principal => ({
  userId: account.id,
  username: account.username,
  displayName: account.displayName,
  roles: account.roles,
  areas: account.areas,
  via,
});

/**
 * Works out who is calling. The API (/api/...) takes only bearer tokens, so a
 * browser's cookie can never drive it; pages take only the session cookie, and
 * their forms carry a CSRF token. Local accounts are read afresh on every
 * request: a disabled user is refused at once, whatever they hold.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly accounts: SqliteAccountStore,
    private readonly tokens: AccessTokens,
    @Optional() @Inject(OidcAccessTokens) private readonly oidcTokens?: OidcAccessTokens,
  ) {}

  /** The caller, undefined when anonymous; throws AccessError for a bad or expired token. */
  async authenticate(request: Request): Promise<Principal | undefined> {
    if (isApiRequest(request)) return this.fromBearer(request.header('authorization'));
    return this.fromSession(request);
  }

  private async fromBearer(header: string | undefined): Promise<Principal | undefined> {
    if (header === undefined) return undefined;
    const match = BEARER.exec(header.trim());
    if (!match) throw new AccessError('AUTH.TOKEN_INVALID', 401, 'The access token is not valid.', 'Send Authorization: Bearer <token>.');
    try {
      if (this.oidcTokens) return await this.oidcTokens.verify(match[1]);
      const account = this.accounts.byId(await this.tokens.verify(match[1]));
      if (!account || account.disabledAt) throw new InvalidTokenError('invalid');
      return principalOf(account, 'token');
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      return error.reason === 'expired'
        ? Promise.reject(new AccessError('AUTH.TOKEN_EXPIRED', 401, 'The access token has expired.', 'Ask for a new one.'))
        : Promise.reject(new AccessError('AUTH.TOKEN_INVALID', 401, 'The access token is not valid.'));
    }
  }

  private fromSession(request: Request): Principal | undefined {
    const session = request.session;
    if (!session) return undefined;
    if (session.oidcPrincipal) return session.oidcPrincipal;
    if (!session.userId) return undefined;
    const account = this.accounts.byId(session.userId);
    if (!account || account.disabledAt) return undefined;
    return principalOf(account, 'session');
  }
}

export const isApiRequest = (request: Request) => request.path === '/api' || request.path.startsWith('/api/');
