import { openEventStore, type EventStoreLocation } from '@ppo/event-store';
import type { KeyStore, KeyStoreLocation } from './key-store/key-store.port';
import { PostgresKeyStore } from './key-store/postgres-key-store';
import { SqliteKeyStore } from './key-store/sqlite-key-store';
import { Keyring } from './keyring/keyring';
import { PersonalDataProtectingEventStore } from './protected-event-store/personal-data-protecting-event-store';
import { resolveMasterKey, type PersonalDataConfig } from './personal-data-config';

/** Opens the key store at a location. */
export function openKeyStore(location: KeyStoreLocation): KeyStore {
  return location.kind === 'sqlite' ? new SqliteKeyStore(location.path) : new PostgresKeyStore(location.connectionString);
}

/** The keyring the configuration describes, and the development key file it made, if any. */
export function openKeyring(config: PersonalDataConfig): { keyring: Keyring; createdMasterKeyFile?: string } {
  const { key, created } = resolveMasterKey(config.masterKey);
  return { keyring: new Keyring(key, openKeyStore(config.keyStore)), createdMasterKeyFile: created };
}

/**
 * The event store as every reader and writer of offender data must open it: the adapter for the location, behind
 * the seal on personal data. Only integrity checks and backups read the adapter beneath (`.stored`).
 */
export function openProtectedEventStore(location: EventStoreLocation, personalData: PersonalDataConfig): PersonalDataProtectingEventStore {
  const { keyring } = openKeyring(personalData);
  return new PersonalDataProtectingEventStore(openEventStore(location), keyring);
}
