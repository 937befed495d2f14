import { hkdfSync, randomBytes } from 'node:crypto';

/** Keys derived from the one configured secret, one per use, so a session cookie cannot pass for a token. */
export interface SecretKeys {
  tokens: Uint8Array;
  sessions: string;
  /** True when no secret was configured and these are random for this process only. */
  ephemeral: boolean;
}

export function deriveKeys(secret: string | undefined): SecretKeys {
  const master = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  const derive = (use: string) => Buffer.from(hkdfSync('sha256', master, 'ppo-journey', use, 32));
  return { tokens: new Uint8Array(derive('access-tokens')), sessions: derive('session-cookies').toString('base64url'), ephemeral: !secret };
}
