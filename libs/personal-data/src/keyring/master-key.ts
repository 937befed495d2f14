import { createHash, hkdfSync } from 'node:crypto';

/** The key that wraps every data key. It never leaves the process and is never stored by the service. */
export class MasterKey {
  /** A short public fingerprint, stored beside each wrapped key. */
  readonly id: string;
  /** The key-encryption key, derived so that the configured secret is never used directly. */
  readonly wrappingKey: Buffer;

  private constructor(secret: Buffer) {
    this.wrappingKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'ppo-journey data key wrapping', 32));
    this.id = createHash('sha256').update(this.wrappingKey).digest('hex').slice(0, 16);
  }

  /** From 32 bytes given as base64 (openssl rand -base64 32) or 64 hex digits; throws a readable message otherwise. */
  static parse(text: string, name = 'PPO_MASTER_KEY'): MasterKey {
    const trimmed = text.trim();
    const hex = /^[0-9a-f]{64}$/i.test(trimmed);
    const bytes = Buffer.from(trimmed, hex ? 'hex' : 'base64');
    // Node's base64 decoder skips what it cannot read: only text that encodes back to itself is base64.
    const wellFormed = hex || bytes.toString('base64').replace(/=+$/, '') === trimmed.replace(/=+$/, '');
    if (bytes.length !== 32 || !wellFormed) {
      throw new Error(`${name} must be 32 random bytes as base64 (openssl rand -base64 32) or 64 hex digits`);
    }
    return new MasterKey(bytes);
  }

  static of(secret: Buffer): MasterKey {
    if (secret.length !== 32) throw new Error('A master key is 32 bytes');
    return new MasterKey(secret);
  }
}
