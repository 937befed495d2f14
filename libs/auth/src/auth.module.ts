import { Inject, Logger, Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule, type OnModuleDestroy } from '@nestjs/common';
import { SqliteAccountStore } from './accounts/sqlite-account-store';
import { AUTH_OPTIONS, type AuthModuleOptions } from './http/auth-options';
import { Authenticator } from './http/authenticator';
import { IssueTokenController } from './http/issue-token/issue-token.controller';
import { signInRateLimit } from './http/sign-in-rate-limit';
import { OidcAccessTokens } from './oidc/oidc-access-tokens';
import { PasswordHasher } from './passwords/password-hasher';
import { SqliteSessionStore } from './sessions/sqlite-session-store';
import { LocalSignIn } from './sign-in/local-sign-in';
import { AccessTokens } from './tokens/access-tokens';
import { deriveKeys, type SecretKeys } from './tokens/secret-keys';
import { KeepAliveController } from './web/keep-alive/keep-alive.controller';
import { FirstAdminController } from './web/first-admin/first-admin.controller';
import { FirstAdminSetup } from './web/first-admin/first-admin-setup';
import { OidcClient } from './web/oidc-sign-in/oidc-client';
import { OidcSignInController } from './web/oidc-sign-in/oidc-sign-in.controller';
import { SignInController } from './web/sign-in/sign-in.controller';
import { SignOutController } from './web/sign-out/sign-out.controller';

export const SECRET_KEYS = Symbol('SECRET_KEYS');

/**
 * Sign-in and the parts of access control that are not per route: local
 * accounts, tokens, sessions, the sign-in pages and their throttling. The
 * per-route decision is AccessGuard, registered by the host as APP_GUARD.
 */
@Module({})
export class AuthModule implements NestModule, OnModuleDestroy {
  constructor(
    private readonly accounts: SqliteAccountStore,
    private readonly sessions: SqliteSessionStore,
    @Inject(SECRET_KEYS) keys: SecretKeys,
  ) {
    if (keys.ephemeral) {
      new Logger('Auth').warn('PPO_AUTH_SECRET is not set: a random key is used, so sign-ins and tokens end when the service restarts');
    }
  }

  static forRoot(options: AuthModuleOptions): DynamicModule {
    const { config, now } = options;
    const oidc = config.mode === 'oidc' ? config.oidc : undefined;
    if (config.mode === 'oidc' && !oidc) throw new Error('Sign-in by OpenID Connect needs the identity provider settings (AuthConfig.oidc)');
    return {
      module: AuthModule,
      global: true,
      // With an identity provider there are no local passwords: no local sign-in page, token endpoint or first-admin setup.
      controllers: oidc
        ? [OidcSignInController, SignOutController, KeepAliveController]
        : [IssueTokenController, SignInController, SignOutController, KeepAliveController, FirstAdminController],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        { provide: SECRET_KEYS, useFactory: () => deriveKeys(config.secret) },
        { provide: SqliteAccountStore, useFactory: () => new SqliteAccountStore(config.accountsPath) },
        {
          provide: SqliteSessionStore,
          inject: [SqliteAccountStore],
          useFactory: (accounts: SqliteAccountStore) => new SqliteSessionStore(accounts.db, config.sessionIdleMinutes * 60_000),
        },
        { provide: PasswordHasher, useFactory: () => new PasswordHasher() },
        { provide: AccessTokens, inject: [SECRET_KEYS], useFactory: (keys: SecretKeys) => new AccessTokens(keys.tokens, now) },
        {
          provide: LocalSignIn,
          inject: [SqliteAccountStore, PasswordHasher],
          useFactory: (accounts: SqliteAccountStore, hasher: PasswordHasher) => new LocalSignIn(accounts, hasher, now),
        },
        ...(oidc
          ? [
              { provide: OidcAccessTokens, useFactory: () => new OidcAccessTokens(oidc, now) },
              { provide: OidcClient, useFactory: () => new OidcClient(oidc, now) },
            ]
          : []),
        Authenticator,
        FirstAdminSetup,
      ],
      exports: [AUTH_OPTIONS, SECRET_KEYS, SqliteAccountStore, SqliteSessionStore, PasswordHasher, AccessTokens, Authenticator, FirstAdminSetup],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(...signInRateLimit()).forRoutes({ path: 'sign-in', method: RequestMethod.POST }, { path: 'api/auth/token', method: RequestMethod.POST });
  }

  onModuleDestroy(): void {
    this.sessions.close();
    this.accounts.close();
  }
}
