import { resolve } from 'node:path';

/** Where the events live, parsed from `PPO_EVENT_STORE`. */
export type EventStoreLocation =
  | { kind: 'sqlite'; path: string }
  | { kind: 'esdb'; connectionString: string };

/** scheme://[user:password@]host[:port][,host[:port]...][/][?options] */
const ESDB_CONNECTION = /^[a-z+]+:\/\/(?:[^@\s/]+@)?[A-Za-z0-9.[\]:-]+(?::\d+)?(?:,[A-Za-z0-9.[\]:-]+(?::\d+)?)*\/?(?:\?[^\s]*)?$/;

const ESDB_SCHEMES = ['esdb:', 'esdb+discover:', 'kurrentdb:', 'kurrentdb+discover:', 'kurrent:', 'kurrent+discover:'];

/**
 * Parses an event store location: `sqlite:./data/ppo.db`, `sqlite::memory:`,
 * or an EventStoreDB/KurrentDB connection string such as `esdb://host:2113?tls=false`.
 * Throws an Error whose message says what is accepted.
 */
export function parseEventStoreLocation(value: string): EventStoreLocation {
  const trimmed = value.trim();
  if (trimmed.startsWith('sqlite:')) {
    const path = trimmed.slice('sqlite:'.length);
    if (!path) throw new Error('PPO_EVENT_STORE: give a file after "sqlite:", e.g. sqlite:./data/ppo.db');
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  const scheme = /^[a-z+]+:/.exec(trimmed)?.[0];
  if (scheme && ESDB_SCHEMES.includes(scheme)) {
    // A cluster lists its nodes (esdb://a:2113,b:2113,c:2113?...), which URL parsing refuses: check the shape instead.
    if (!ESDB_CONNECTION.test(trimmed)) throw new Error(`PPO_EVENT_STORE: "${trimmed}" is not a valid connection string`);
    return { kind: 'esdb', connectionString: trimmed };
  }
  throw new Error(
    `PPO_EVENT_STORE: "${trimmed}" is neither sqlite:<file> (the embedded default) nor an EventStoreDB connection string (esdb://host:2113?tls=false)`,
  );
}
