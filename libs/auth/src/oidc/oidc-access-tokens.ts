import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Principal } from '../access/principal';
import type { OidcConfig } from '../auth-config';
import { InvalidTokenError } from '../tokens/access-tokens';
import { principalFromClaims } from './oidc-claims';

/** The parts of the provider's discovery document this service uses. */
export interface OidcDiscovery {
  issuer: string;
  jwks_uri: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

/** Fetches the provider's discovery document once. */
export async function discover(issuer: string): Promise<OidcDiscovery> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`The identity provider's discovery document at ${url} answered ${response.status}`);
  const document = (await response.json()) as OidcDiscovery;
  if (document.issuer !== issuer) throw new Error(`The identity provider says its issuer is ${document.issuer}, not ${issuer}`);
  return document;
}

/**
 * Verifies the identity provider's access tokens (JWTs signed with its keys,
 * fetched from its JWKS and cached), checking issuer, audience and expiry,
 * and maps their claims to a principal.
 */
export class OidcAccessTokens {
  private keys?: Promise<JWTVerifyGetKey>;

  constructor(
    private readonly config: OidcConfig,
    private readonly now: () => Date,
  ) {}

  async verify(token: string): Promise<Principal> {
    this.keys ??= discover(this.config.issuer).then((d) => createRemoteJWKSet(new URL(d.jwks_uri)));
    let keys: JWTVerifyGetKey;
    try {
      keys = await this.keys;
    } catch (error) {
      this.keys = undefined;
      throw error;
    }
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        currentDate: this.now(),
        requiredClaims: ['sub', 'exp'],
      });
      // An ID token from the browser flow carries the nonce this service sent; it is proof of sign-in, not an access token.
      if (payload.nonce !== undefined) throw new InvalidTokenError('invalid');
      return principalFromClaims(payload, this.config, 'oidc-token');
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('expired');
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError('invalid');
    }
  }
}
