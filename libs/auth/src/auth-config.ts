import type { Role } from './access/roles';

/** Sign-in against the organisation's identity provider (OpenID Connect). */
export interface OidcConfig {
  /** The provider's issuer URL; its discovery document gives the endpoints and keys. */
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** This service's public base URL, for the redirect back after sign-in (…/sign-in/callback). */
  publicUrl: string;
  /** The `aud` the provider puts in access tokens meant for this API. */
  audience: string;
  /** Claim holding the user's roles or groups (default "roles"). */
  rolesClaim: string;
  /** Claim holding the user's areas (default "areas"). */
  areasClaim: string;
  /** Maps the provider's role or group names to ours; names not listed are ignored. */
  roleMap: Record<string, Role>;
}

/** How users sign in, validated at start-up. */
export interface AuthConfig {
  /** Local accounts in the embedded database, or OpenID Connect. */
  mode: 'local' | 'oidc';
  /** PPO_AUTH_SECRET: signs tokens and session cookies. Without it, a random one per process (sign-ins end at restart). */
  secret?: string;
  /** Signed-in browser sessions end after this long without a request (default 15). */
  sessionIdleMinutes: number;
  /** Where local accounts and sessions live (accounts.db in the data directory). */
  accountsPath: string;
  /** Express's trust proxy setting, so cookies are Secure and client addresses right behind an https proxy. */
  trustProxy?: string;
  oidc?: OidcConfig;
}
