import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const policyFile = (content: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'ppo-policy-')), 'policies.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
};

describe('Configuration read at start-up', () => {
  it('defaults to the embedded store in ./data on port 3000, in London time, with the seeds’ policy', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      eventStore: { kind: 'sqlite', path: resolve('data/ppo.db') },
      readModels: { kind: 'sqlite', path: resolve('data/read-models.db') },
      runProjections: true,
      timeZone: 'Europe/London',
      logLevel: 'info',
    });
    expect(config.policies.default.eligibility.threshold).toBe(6);
  });

  it('takes PostgreSQL for the read models, and can leave projections to another process', () => {
    expect(loadConfig({ PPO_READ_MODELS: 'postgres://ppo@db:5432/ppo', PPO_PROJECTIONS: 'off' })).toMatchObject({
      readModels: { kind: 'postgres', connectionString: 'postgres://ppo@db:5432/ppo' },
      runProjections: false,
    });
  });

  it('lets a projection lag up to 10,000 events before the service is not ready, unless PPO_READY_MAX_LAG_EVENTS says otherwise', () => {
    expect(loadConfig({}).readyMaxLagEvents).toBe(10000);
    expect(loadConfig({ PPO_READY_MAX_LAG_EVENTS: '0' }).readyMaxLagEvents).toBe(0);
    expect(loadConfig({ PPO_READY_MAX_LAG_EVENTS: '250000' }).readyMaxLagEvents).toBe(250000);
    for (const value of ['-1', '1.5', 'lots', '1e6']) {
      expect(() => loadConfig({ PPO_READY_MAX_LAG_EVENTS: value })).toThrow(ConfigError);
      expect(() => loadConfig({ PPO_READY_MAX_LAG_EVENTS: value })).toThrow(`PPO_READY_MAX_LAG_EVENTS must be a whole number of events (0 or more), not "${value}"`);
    }
  });

  it('takes an EventStoreDB connection string', () => {
    expect(loadConfig({ PPO_EVENT_STORE: 'esdb://localhost:2113?tls=false' }).eventStore).toEqual({
      kind: 'esdb',
      connectionString: 'esdb://localhost:2113?tls=false',
    });
  });

  it('reads per-area policy overrides from a file', () => {
    const config = loadConfig({ PPO_SCHEME_POLICIES: policyFile({ areas: { cleveland: { eligibility: { threshold: 8 }, contactsPerWeekOnAdoption: 5 } } }) });
    expect(config.policies.areas.cleveland).toEqual({ eligibility: { threshold: 8 }, contactsPerWeekOnAdoption: 5 });
  });

  it('reads the retention period after deselection per area, six years unless the file says otherwise', () => {
    const config = loadConfig({ PPO_SCHEME_POLICIES: policyFile({ default: { retentionYearsAfterDeselection: 7 }, areas: { cumbria: { retentionYearsAfterDeselection: 10 } } }) });
    expect(config.policies.default.retentionYearsAfterDeselection).toBe(7);
    expect(config.policies.areas.cumbria.retentionYearsAfterDeselection).toBe(10);
    expect(loadConfig({}).policies.default.retentionYearsAfterDeselection).toBe(6);
  });

  it('refuses a retention period that is not a whole number of years, at least one', () => {
    for (const years of [0, -6, 6.5, '6']) {
      expect(() => loadConfig({ PPO_SCHEME_POLICIES: policyFile({ areas: { durham: { retentionYearsAfterDeselection: years } } }) })).toThrow(
        'PPO_SCHEME_POLICIES areas.durham.retentionYearsAfterDeselection must be a whole number of years >= 1',
      );
    }
  });

  it('refuses to start on a bad environment, listing every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        PPO_EVENT_STORE: 'mysql://db',
        PPO_TIMEZONE: 'Mars/Olympus',
        PPO_LOG_LEVEL: 'loud',
        PPO_READ_MODELS: 'mongodb://x',
        PPO_PROJECTIONS: 'sometimes',
        PPO_SCHEME_POLICIES: policyFile({ areas: { cleveland: { eligibility: { offenceWeights: { jaywalking: 3 } }, contactsPerWeek: 2 } } }),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect((error as ConfigError).problems).toHaveLength(8);
    expect(problems).toMatch(/PPO_READ_MODELS/);
    expect(problems).toMatch(/PPO_PROJECTIONS must be on or off/);
    expect(problems).toMatch(/PORT must be a port number/);
    expect(problems).toMatch(/PPO_EVENT_STORE: "mysql:\/\/db" is neither/);
    expect(problems).toMatch(/PPO_TIMEZONE/);
    expect(problems).toMatch(/PPO_LOG_LEVEL/);
    expect(problems).toMatch(/offenceWeights\.jaywalking is not one of/);
    expect(problems).toMatch(/cleveland\.contactsPerWeek is not a policy setting/);
  });
});
