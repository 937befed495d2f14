import { ConfigError, loadConfig, type AppConfig } from '@ppo/config';

/** The projector's configuration: the service's own (stores, keys, logging), and how it serves probes and keeps its lease. */
export interface ProjectorConfig {
  app: AppConfig;
  /** Health and metrics (PPO_PORT, default 3100: beside an API on 3000); 0 picks a free port. */
  port: number;
  /** How often a waiting projector tries to take the lease, and the holder checks its lock's connection (PPO_PROJECTOR_POLL_SECONDS, default 2). */
  pollMs: number;
  /** With SQLite read models: how long a lease lasts unless renewed (PPO_PROJECTOR_LEASE_SECONDS, default 15). */
  leaseMs: number;
}

const seconds = (env: NodeJS.ProcessEnv, name: string, fallback: string, min: number, max: number, problems: string[]): number => {
  const text = env[name] || fallback;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || value < min || value > max) problems.push(`${name} must be a number of seconds from ${min} to ${max}, not "${text}"`);
  return Math.round(value * 1000);
};

/**
 * Reads the service's configuration (loadConfig) and the projector's own: PPO_PORT (3100),
 * PPO_PROJECTOR_POLL_SECONDS (2) and PPO_PROJECTOR_LEASE_SECONDS (15). PPO_PROJECTIONS does not
 * apply: a projector always projects, while it holds the lease. Lists every problem at once.
 */
export function loadProjectorConfig(env: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  const problems: string[] = [];
  let app: AppConfig | undefined;
  try {
    app = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const portText = env.PPO_PORT || '3100';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PPO_PORT must be a port number (0-65535), not "${portText}"`);
  const pollMs = seconds(env, 'PPO_PROJECTOR_POLL_SECONDS', '2', 0.05, 60, problems);
  const leaseMs = seconds(env, 'PPO_PROJECTOR_LEASE_SECONDS', '15', 1, 600, problems);
  if (app?.readModels.kind === 'sqlite' && app.readModels.path === ':memory:') {
    problems.push('PPO_READ_MODELS is sqlite::memory:, which no other process can read: a projector writes read models the API reads (a file, or PostgreSQL)');
  }
  if (problems.length > 0 || !app) throw new ConfigError(problems);
  return { app, port, pollMs, leaseMs };
}
