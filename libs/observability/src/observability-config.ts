import { ConfigError } from '@ppo/config';

/** What health checks and metrics need from the environment. */
export interface ObservabilityOptions {
  /** /health/ready fails once a projection is more than this many events behind the log (PPO_READY_MAX_LAG_EVENTS). */
  readyMaxLagEvents: number;
}

export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');

/** Reads PPO_READY_MAX_LAG_EVENTS (default 10000); throws a ConfigError naming the problem. */
export function readObservabilityConfig(env: NodeJS.ProcessEnv = process.env): ObservabilityOptions {
  const text = env.PPO_READY_MAX_LAG_EVENTS || '10000';
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new ConfigError([`PPO_READY_MAX_LAG_EVENTS must be a whole number of events (0 or more), not "${text}"`]);
  }
  return { readyMaxLagEvents: Number(text) };
}
