import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { KeyStore, WrappedKey } from '../key-store/key-store.port';
import type { MasterKey } from './master-key';

/** A subject's data key was destroyed: their personal data is erased and nothing new may be written for them. */
export class DataKeyDestroyedError extends Error {
  constructor(readonly subject: string) {
    super(`The data key of ${subject} was destroyed: their personal data is erased`);
    this.name = 'DataKeyDestroyedError';
  }
}

/** Wrapped keys made by another master key: the service was started with the wrong PPO_MASTER_KEY. */
export class WrongMasterKeyError extends Error {
  constructor(readonly subject: string, readonly expected: string, readonly actual: string) {
    super(`The data key of ${subject} was wrapped by master key ${expected}, but this service has master key ${actual}: check PPO_MASTER_KEY`);
    this.name = 'WrongMasterKeyError';
  }
}

/** Sealed data with no key at all, destroyed or not: the key store was lost or swapped. */
export class MissingDataKeyError extends Error {
  constructor(readonly subject: string) {
    super(`No data key was ever stored for ${subject}, yet the log holds data sealed for them: is this the key store the log was written with?`);
    this.name = 'MissingDataKeyError';
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * One AES-256 data key per subject (an offender's stream), made on first use, wrapped by the master key with
 * AES-256-GCM and kept in the key store. Unwrapped keys are cached briefly; destroying a key evicts it here, and
 * other processes' caches expire within `cacheMillis`.
 */
export class Keyring {
  private readonly cache = new Map<string, { key: KeyObject; until: number }>();

  constructor(
    private readonly master: MasterKey,
    private readonly store: KeyStore,
    private readonly options: { cacheMillis?: number; cacheSize?: number; now?: () => number } = {},
  ) {}

  /** The subject's data key, made now if they have none; throws DataKeyDestroyedError once erased. */
  async keyForWriting(subject: string): Promise<KeyObject> {
    const cached = this.cached(subject);
    if (cached) return cached;
    let stored = await this.store.get(subject);
    if (stored === undefined) stored = await this.store.putIfAbsent(subject, this.wrap(subject, randomBytes(32)));
    if (stored === 'destroyed') throw new DataKeyDestroyedError(subject);
    return this.remember(subject, this.unwrap(subject, stored));
  }

  /**
   * The subject's data key for reading, or 'destroyed' once erased. Sealed data whose key was never stored means
   * the key store is not the one the log was written with: that throws rather than reading as erased.
   */
  async keyForReading(subject: string): Promise<KeyObject | 'destroyed'> {
    const cached = this.cached(subject);
    if (cached) return cached;
    const stored = await this.store.get(subject);
    if (stored === undefined) throw new MissingDataKeyError(subject);
    if (stored === 'destroyed') return 'destroyed';
    return this.remember(subject, this.unwrap(subject, stored));
  }

  /** Destroys the subject's data key for good; true if there was one. */
  async destroy(subject: string, at: string): Promise<boolean> {
    this.cache.delete(subject);
    const had = await this.store.destroy(subject, at);
    this.cache.delete(subject);
    return had;
  }

  close(): Promise<void> {
    this.cache.clear();
    return this.store.close();
  }

  private wrap(subject: string, key: Buffer): WrappedKey {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.master.wrappingKey, iv);
    cipher.setAAD(Buffer.from(subject));
    const wrapped = Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
    return { masterKeyId: this.master.id, wrapped };
  }

  private unwrap(subject: string, { masterKeyId, wrapped }: WrappedKey): Buffer {
    if (masterKeyId !== this.master.id) throw new WrongMasterKeyError(subject, masterKeyId, this.master.id);
    const decipher = createDecipheriv('aes-256-gcm', this.master.wrappingKey, wrapped.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(subject));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
    return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES)), decipher.final()]);
  }

  private cached(subject: string): KeyObject | undefined {
    const hit = this.cache.get(subject);
    if (!hit) return undefined;
    if (hit.until < this.now()) {
      this.cache.delete(subject);
      return undefined;
    }
    return hit.key;
  }

  private remember(subject: string, raw: Buffer): KeyObject {
    // A KeyObject spares each cipher the cost of importing raw key bytes.
    const key = createSecretKey(raw);
    raw.fill(0);
    const size = this.options.cacheSize ?? 10_000;
    if (this.cache.size >= size) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(subject, { key, until: this.now() + (this.options.cacheMillis ?? 30_000) });
    return key;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
