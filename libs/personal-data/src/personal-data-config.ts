import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { KeyStoreLocation } from './key-store/key-store.port';
import { MasterKey } from './keyring/master-key';

/** Where the master key comes from, and where the wrapped data keys are kept. */
export interface PersonalDataConfig {
  masterKey:
    | { kind: 'value'; value: string }
    /** A file holding the key (a mounted secret); `createIfMissing` only for a development installation. */
    | { kind: 'file'; path: string; createIfMissing: boolean };
  keyStore: KeyStoreLocation;
}

/**
 * Reads PPO_MASTER_KEY (32 bytes, base64 or hex) or PPO_MASTER_KEY_FILE, and PPO_KEY_STORE (a SQLite path, or a
 * postgres:// URL; default <PPO_DATA_DIR>/keys.db). Without a master key, a development installation keeps a
 * generated one in <PPO_DATA_DIR>/master.key; with NODE_ENV=production a master key must be given.
 */
export function readPersonalDataConfig(env: NodeJS.ProcessEnv, dataDir: string, problems: string[]): PersonalDataConfig {
  let masterKey: PersonalDataConfig['masterKey'];
  if (env.PPO_MASTER_KEY && env.PPO_MASTER_KEY_FILE) problems.push('Set PPO_MASTER_KEY or PPO_MASTER_KEY_FILE, not both');
  if (env.PPO_MASTER_KEY) {
    try {
      MasterKey.parse(env.PPO_MASTER_KEY);
    } catch (error) {
      problems.push((error as Error).message);
    }
    masterKey = { kind: 'value', value: env.PPO_MASTER_KEY };
  } else if (env.PPO_MASTER_KEY_FILE) {
    masterKey = { kind: 'file', path: env.PPO_MASTER_KEY_FILE, createIfMissing: false };
  } else if (env.NODE_ENV === 'production') {
    problems.push('PPO_MASTER_KEY (or PPO_MASTER_KEY_FILE) is required in production: personal data is never stored without it');
    masterKey = { kind: 'file', path: '', createIfMissing: false };
  } else {
    masterKey = { kind: 'file', path: join(dataDir, 'master.key'), createIfMissing: true };
  }

  const text = env.PPO_KEY_STORE;
  let keyStore: KeyStoreLocation = { kind: 'sqlite', path: join(dataDir, 'keys.db') };
  if (text) {
    if (/^postgres(ql)?:\/\//.test(text)) keyStore = { kind: 'postgres', connectionString: text };
    else if (text.startsWith('sqlite:') && text.length > 'sqlite:'.length) keyStore = { kind: 'sqlite', path: text.slice('sqlite:'.length) };
    else problems.push(`PPO_KEY_STORE must be sqlite:<path> or a postgres:// URL, not "${text}"`);
  }
  return { masterKey, keyStore };
}

/** The master key the configuration names; creates the development key file when allowed and missing. */
export function resolveMasterKey(config: PersonalDataConfig['masterKey']): { key: MasterKey; created?: string } {
  if (config.kind === 'value') return { key: MasterKey.parse(config.value) };
  if (!existsSync(config.path)) {
    if (!config.createIfMissing) throw new Error(`PPO_MASTER_KEY_FILE ${config.path} does not exist`);
    mkdirSync(dirname(config.path), { recursive: true });
    writeFileSync(config.path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(config.path, 0o600);
    return { key: MasterKey.parse(readFileSync(config.path, 'utf8'), config.path), created: config.path };
  }
  return { key: MasterKey.parse(readFileSync(config.path, 'utf8'), config.path) };
}
