import { parseEventStoreLocation } from './event-store-location';

describe('Where the events live, from PPO_EVENT_STORE', () => {
  it('takes an embedded SQLite file, or memory', () => {
    expect(parseEventStoreLocation('sqlite::memory:')).toEqual({ kind: 'sqlite', path: ':memory:' });
    expect(parseEventStoreLocation('sqlite:./data/ppo.db')).toMatchObject({ kind: 'sqlite', path: expect.stringMatching(/data\/ppo\.db$/) });
  });

  it('takes a single EventStoreDB node and a three-node cluster, with credentials and options', () => {
    for (const connectionString of [
      'esdb://localhost:2113?tls=false',
      'esdb://admin:changeit@esdb-node1:2113,esdb-node2:2113,esdb-node3:2113?tls=false&nodePreference=leader',
      'esdb+discover://cluster.example.org:2113',
      'kurrentdb://10.0.0.1:2113,10.0.0.2:2113/?tls=true',
    ]) {
      expect(parseEventStoreLocation(connectionString)).toEqual({ kind: 'esdb', connectionString });
    }
  });

  it('refuses what is neither, saying what it takes', () => {
    expect(() => parseEventStoreLocation('mysql://db')).toThrow(/neither sqlite:<file>/);
    expect(() => parseEventStoreLocation('esdb://')).toThrow(/not a valid connection string/);
    expect(() => parseEventStoreLocation('esdb://host name:2113')).toThrow(/not a valid connection string/);
    expect(() => parseEventStoreLocation('sqlite:')).toThrow(/give a file/);
  });
});
