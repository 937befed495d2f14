/** What health checks and metrics need from the validated configuration. */
export interface ObservabilityOptions {
  /** /health/ready fails once a projection is more than this many events behind the log (PPO_READY_MAX_LAG_EVENTS). */
  readyMaxLagEvents: number;
}

export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');
