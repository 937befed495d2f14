/**
 * Where offenders' data keys are kept, wrapped by the master key, apart from the event log: destroying a subject's
 * key is how their personal data is erased, so a key store never keeps a destroyed key, not even in history.
 */
export interface KeyStore {
  /** The subject's wrapped key; 'destroyed' once erased; undefined when the subject never had one. */
  get(subject: string): Promise<WrappedKey | 'destroyed' | undefined>;
  /**
   * Stores a new wrapped key unless the subject already has one (or had one), and returns what the subject has
   * now: the key passed in, the one another writer stored first, or 'destroyed'.
   */
  putIfAbsent(subject: string, key: WrappedKey): Promise<WrappedKey | 'destroyed'>;
  /** Destroys the subject's key, leaving only the fact and time of its destruction; true if there was a key. */
  destroy(subject: string, at: string): Promise<boolean>;
  close(): Promise<void>;
}

/** A data key encrypted under the master key. */
export interface WrappedKey {
  /** Which master key wrapped it (masterKeyId), so a wrong master key is reported rather than failing obscurely. */
  masterKeyId: string;
  /** IV, ciphertext and GCM tag. */
  wrapped: Buffer;
}

/** Where the key store lives: a SQLite file beside (never inside) the event store, or PostgreSQL. */
export type KeyStoreLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; connectionString: string };
