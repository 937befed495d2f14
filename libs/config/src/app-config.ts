import type { SchemePolicies } from '@ppo/domain';
import { parseEventStoreLocation, type EventStoreLocation } from '@ppo/event-store';
import { parseReadModelLocation, type ReadModelLocation } from '@ppo/read-models';
import { join, resolve } from 'node:path';
import { readSchemePolicies } from './scheme-policies-file';

/** The service's configuration, validated at start-up. */
export interface AppConfig {
  port: number;
  dataDir: string;
  eventStore: EventStoreLocation;
  readModels: ReadModelLocation;
  /** Whether this process runs the projections (PPO_PROJECTIONS=on|off). */
  runProjections: boolean;
  timeZone: string;
  policies: SchemePolicies;
  logLevel: string;
}

/** Thrown when the environment does not describe a runnable service; lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads the configuration from the environment:
 * PORT (3000), PPO_DATA_DIR (./data), PPO_EVENT_STORE (sqlite:<PPO_DATA_DIR>/ppo.db),
 * PPO_READ_MODELS (sqlite:<PPO_DATA_DIR>/read-models.db), PPO_PROJECTIONS (on),
 * PPO_TIMEZONE (Europe/London), PPO_SCHEME_POLICIES (a JSON file; defaults from the seeds),
 * PPO_LOG_LEVEL (info).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];

  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) problems.push(`PORT must be a port number (0-65535), not "${portText}"`);

  const dataDir = resolve(env.PPO_DATA_DIR || './data');
  let eventStore: EventStoreLocation = { kind: 'sqlite', path: join(dataDir, 'ppo.db') };
  if (env.PPO_EVENT_STORE) {
    try {
      eventStore = parseEventStoreLocation(env.PPO_EVENT_STORE);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }

  let readModels: ReadModelLocation = { kind: 'sqlite', path: join(dataDir, 'read-models.db') };
  if (env.PPO_READ_MODELS) {
    try {
      readModels = parseReadModelLocation(env.PPO_READ_MODELS);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }

  const projections = env.PPO_PROJECTIONS || 'on';
  if (!['on', 'off'].includes(projections)) problems.push(`PPO_PROJECTIONS must be on or off, not "${projections}"`);

  const timeZone = env.PPO_TIMEZONE || 'Europe/London';
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
  } catch {
    problems.push(`PPO_TIMEZONE must be an IANA time zone such as Europe/London, not "${timeZone}"`);
  }

  const logLevel = env.PPO_LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`PPO_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);

  const { policies, problems: policyProblems } = readSchemePolicies(env.PPO_SCHEME_POLICIES);
  problems.push(...policyProblems);

  if (problems.length > 0) throw new ConfigError(problems);
  return { port, dataDir, eventStore, readModels, runProjections: projections === 'on', timeZone, policies, logLevel };
}
