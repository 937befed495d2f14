import { resolve } from 'node:path';

/** Where the read models live, parsed from `PPO_READ_MODELS`. */
export type ReadModelLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; connectionString: string };

/** Parses `sqlite:<file>` or a `postgres://` connection string; throws with what is accepted. */
export function parseReadModelLocation(value: string): ReadModelLocation {
  const trimmed = value.trim();
  if (trimmed.startsWith('sqlite:')) {
    const path = trimmed.slice('sqlite:'.length);
    if (!path) throw new Error('PPO_READ_MODELS: give a file after "sqlite:", e.g. sqlite:./data/read-models.db');
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (/^postgres(ql)?:\/\//.test(trimmed)) {
    try {
      new URL(trimmed);
    } catch {
      throw new Error(`PPO_READ_MODELS: "${trimmed}" is not a valid connection string`);
    }
    return { kind: 'postgres', connectionString: trimmed };
  }
  throw new Error(`PPO_READ_MODELS: "${trimmed}" is neither sqlite:<file> (the default) nor postgres://user@host/db`);
}
