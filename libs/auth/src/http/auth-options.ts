import type { AuthConfig } from '../auth-config';

/** What AuthModule needs from its host. */
export interface AuthModuleOptions {
  config: AuthConfig;
  /** The service's clock, so tests can move time (token expiry, lockouts). */
  now: () => Date;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

/** What access control needs to know about one offender. */
export interface OffenderAccessFacts {
  area: string;
  /** Set while processing of the record is restricted. */
  restriction?: { reason: string; since: string };
}

/**
 * Finds an offender's area and any restriction, for area scoping and
 * restriction; undefined when no such offender is registered. Provided by the
 * offenders module.
 */
export interface OffenderAreas {
  factsOf(offenderId: string): Promise<OffenderAccessFacts | undefined>;
}

export const OFFENDER_AREAS = Symbol('OFFENDER_AREAS');

declare module 'express-session' {
  interface SessionData {
    /** The local account signed in on this session. */
    userId?: string;
    /** The principal an identity provider vouched for, for OIDC sessions. */
    oidcPrincipal?: import('../access/principal').Principal;
    /** Where to go after signing in. */
    returnTo?: string;
    /** State, nonce and PKCE verifier of an OIDC sign-in in progress. */
    oidcFlow?: { state: string; nonce: string; codeVerifier: string };
  }
}
