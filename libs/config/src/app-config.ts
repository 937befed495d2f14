import { isRole, type AuthConfig, type Role } from '@ppo/auth';
import type { SchemePolicies } from '@ppo/domain';
import { parseEventStoreLocation, type EventStoreLocation } from '@ppo/event-store';
import { readPersonalDataConfig, type PersonalDataConfig } from '@ppo/personal-data';
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
  auth: AuthConfig;
  /** The s.62 access log: <PPO_DATA_DIR>/audit.db. */
  auditLogPath: string;
  /** /health/ready fails once a projection is more than this many events behind the log (PPO_READY_MAX_LAG_EVENTS). */
  readyMaxLagEvents: number;
  /** The master key and the key store that seal offenders' personal data (readPersonalDataConfig). */
  personalData: PersonalDataConfig;
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
 * PPO_LOG_LEVEL (info), PPO_READY_MAX_LAG_EVENTS (10000); sign-in (see readAuthConfig); and the keys that seal
 * personal data, PPO_MASTER_KEY, PPO_MASTER_KEY_FILE and PPO_KEY_STORE (see readPersonalDataConfig).
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

  const auth = readAuthConfig(env, dataDir, problems);
  const personalData = readPersonalDataConfig(env, dataDir, problems);

  const lagText = env.PPO_READY_MAX_LAG_EVENTS || '10000';
  if (!/^\d+$/.test(lagText) || !Number.isSafeInteger(Number(lagText))) {
    problems.push(`PPO_READY_MAX_LAG_EVENTS must be a whole number of events (0 or more), not "${lagText}"`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return { port, dataDir, eventStore, readModels, runProjections: projections === 'on', timeZone, policies, logLevel, auth, auditLogPath: join(dataDir, 'audit.db'), readyMaxLagEvents: Number(lagText), personalData };
}

/**
 * Sign-in: PPO_AUTH (local, or oidc), PPO_AUTH_SECRET (at least 32 characters; signs tokens and
 * session cookies), PPO_SESSION_IDLE_MINUTES (15), PPO_TRUST_PROXY (Express's trust proxy, e.g.
 * "loopback" or "1", behind an https proxy). For oidc: PPO_OIDC_ISSUER, PPO_OIDC_CLIENT_ID,
 * PPO_OIDC_CLIENT_SECRET, PPO_PUBLIC_URL, PPO_OIDC_AUDIENCE (default the client id),
 * PPO_OIDC_ROLES_CLAIM (roles), PPO_OIDC_AREAS_CLAIM (areas) and PPO_OIDC_ROLE_MAP
 * (JSON: the provider's role or group names to ours).
 */
function readAuthConfig(env: NodeJS.ProcessEnv, dataDir: string, problems: string[]): AuthConfig {
  const mode = env.PPO_AUTH || 'local';
  if (mode !== 'local' && mode !== 'oidc') problems.push(`PPO_AUTH must be local or oidc, not "${mode}"`);
  const secret = env.PPO_AUTH_SECRET || undefined;
  if (secret !== undefined && secret.length < 32) problems.push('PPO_AUTH_SECRET must be at least 32 characters (e.g. openssl rand -base64 32)');
  const idleText = env.PPO_SESSION_IDLE_MINUTES || '15';
  const sessionIdleMinutes = Number(idleText);
  if (!/^\d+$/.test(idleText) || sessionIdleMinutes < 1 || sessionIdleMinutes > 480) {
    problems.push(`PPO_SESSION_IDLE_MINUTES must be a whole number of minutes from 1 to 480, not "${idleText}"`);
  }
  const auth: AuthConfig = {
    mode: mode === 'oidc' ? 'oidc' : 'local',
    secret,
    sessionIdleMinutes,
    accountsPath: join(dataDir, 'accounts.db'),
    trustProxy: env.PPO_TRUST_PROXY || undefined,
  };
  if (mode !== 'oidc') return auth;

  const required = (name: string) => {
    const value = env[name];
    if (!value) problems.push(`${name} is required when PPO_AUTH=oidc`);
    return value ?? '';
  };
  const url = (name: string) => {
    const value = required(name);
    if (value && !/^https?:\/\/[^\s]+$/.test(value)) problems.push(`${name} must be an http(s) URL, not "${value}"`);
    return value.replace(/\/$/, '');
  };
  const issuer = url('PPO_OIDC_ISSUER');
  const clientId = required('PPO_OIDC_CLIENT_ID');
  const publicUrl = url('PPO_PUBLIC_URL');
  let roleMap: Record<string, Role> = {};
  if (env.PPO_OIDC_ROLE_MAP) {
    try {
      const parsed = JSON.parse(env.PPO_OIDC_ROLE_MAP) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      for (const [from, to] of Object.entries(parsed)) {
        if (typeof to === 'string' && isRole(to)) roleMap[from] = to;
        else problems.push(`PPO_OIDC_ROLE_MAP maps "${from}" to "${String(to)}", which is not a role (caseworker, supervisor, auditor, analyst, dpo, admin)`);
      }
    } catch (error) {
      if ((error as Error).message === 'not an object' || error instanceof SyntaxError) {
        problems.push('PPO_OIDC_ROLE_MAP must be a JSON object such as {"ppo-caseworkers": "caseworker"}');
        roleMap = {};
      } else throw error;
    }
  }
  return {
    ...auth,
    oidc: {
      issuer: env.PPO_OIDC_ISSUER ?? issuer,
      clientId,
      clientSecret: env.PPO_OIDC_CLIENT_SECRET || undefined,
      publicUrl,
      audience: env.PPO_OIDC_AUDIENCE || clientId,
      rolesClaim: env.PPO_OIDC_ROLES_CLAIM || 'roles',
      areasClaim: env.PPO_OIDC_AREAS_CLAIM || 'areas',
      roleMap,
    },
  };
}
