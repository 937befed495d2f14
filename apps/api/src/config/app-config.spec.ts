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
      timeZone: 'Europe/London',
      logLevel: 'info',
    });
    expect(config.policies.default.eligibility.threshold).toBe(6);
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

  it('refuses to start on a bad environment, listing every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        PPO_EVENT_STORE: 'mysql://db',
        PPO_TIMEZONE: 'Mars/Olympus',
        PPO_LOG_LEVEL: 'loud',
        PPO_SCHEME_POLICIES: policyFile({ areas: { cleveland: { eligibility: { offenceWeights: { jaywalking: 3 } }, contactsPerWeek: 2 } } }),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect((error as ConfigError).problems).toHaveLength(6);
    expect(problems).toMatch(/PORT must be a port number/);
    expect(problems).toMatch(/PPO_EVENT_STORE: "mysql:\/\/db" is neither/);
    expect(problems).toMatch(/PPO_TIMEZONE/);
    expect(problems).toMatch(/PPO_LOG_LEVEL/);
    expect(problems).toMatch(/offenceWeights\.jaywalking is not one of/);
    expect(problems).toMatch(/cleveland\.contactsPerWeek is not a policy setting/);
  });
});
