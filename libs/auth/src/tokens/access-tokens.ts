import { errors, jwtVerify, SignJWT } from 'jose';

/** How long a local access token lasts. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
const ISSUER = 'ppo-journey';
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
 */
export class AccessTokens {
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
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: this.now(),
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      if (payload.typ !== 'access' || typeof payload.sub !== 'string') throw new InvalidTokenError('invalid');
      return payload.sub;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('expired');
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError('invalid');
    }
  }
}
