import { errors, jwtVerify, SignJWT } from 'jose';

/** How long a local access token lasts. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
const ISSUER = 'ppo-journey';
/** How many verified tokens are remembered: a few per active user is plenty. */
const VERIFIED_CACHE_SIZE = 1_000;
const AUDIENCE = 'ppo-journey-api';

/** Why a bearer token was refused. */
export class InvalidTokenError extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'The access token has expired' : 'The access token is not valid');
  }
}

/**
 * Short-lived signed access tokens (JWT, HS256) for local accounts, from
 * POST /api/auth/token. A token carries only the account id: roles and areas
 * are read afresh on every request, so disabling a user takes effect at once.
 * A client sends the same token with every request until it expires, so the
 * outcome of checking its signature and claims is remembered (keyed by the
 * whole token, signature included) until its expiry; nothing else about a
 * token can change while it is valid, since tokens are never revoked.
 */
export class AccessTokens {
  /** Verified tokens, oldest first: the account id and expiry (seconds) of each. */
  private readonly verified = new Map<string, { userId: string; exp: number }>();

  constructor(
    private readonly key: Uint8Array,
    private readonly now: () => Date,
  ) {}

  issue(userId: string): Promise<string> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({ typ: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ACCESS_TOKEN_SECONDS)
      .setJti(crypto.randomUUID())
      .sign(this.key);
  }

  /** The account id a token was issued to; throws InvalidTokenError when it is expired, tampered with or foreign. */
  async verify(token: string): Promise<string> {
    const known = this.verified.get(token);
    if (known) {
      // As jose decides it: expired once the current second reaches `exp`.
      if (known.exp > Math.floor(this.now().getTime() / 1000)) return known.userId;
      this.verified.delete(token);
      throw new InvalidTokenError('expired');
    }
    const verified = await this.check(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, verified);
    return verified.userId;
  }

  private async check(token: string): Promise<{ userId: string; exp: number }> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: this.now(),
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') throw new InvalidTokenError('invalid');
      return { userId: payload.sub, exp: payload.exp };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('expired');
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError('invalid');
    }
  }
}
