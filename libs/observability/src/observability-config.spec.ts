import { ConfigError } from '@ppo/config';
import { readObservabilityConfig } from './observability-config';

describe('the observability configuration', () => {
  it('lets a projection lag up to 10,000 events before the service is not ready, unless PPO_READY_MAX_LAG_EVENTS says otherwise', () => {
    expect(readObservabilityConfig({})).toEqual({ readyMaxLagEvents: 10000 });
    expect(readObservabilityConfig({ PPO_READY_MAX_LAG_EVENTS: '0' })).toEqual({ readyMaxLagEvents: 0 });
    expect(readObservabilityConfig({ PPO_READY_MAX_LAG_EVENTS: '250000' })).toEqual({ readyMaxLagEvents: 250000 });
  });

  it('refuses a threshold that is not a whole number, saying what it must be', () => {
    for (const value of ['-1', '1.5', 'lots', '1e6']) {
      expect(() => readObservabilityConfig({ PPO_READY_MAX_LAG_EVENTS: value })).toThrow(ConfigError);
      expect(() => readObservabilityConfig({ PPO_READY_MAX_LAG_EVENTS: value })).toThrow(`PPO_READY_MAX_LAG_EVENTS must be a whole number of events (0 or more), not "${value}"`);
    }
  });
});
