import { SqliteEventStore, verifyLog, type NewEvent } from '@ppo/event-store';
import { randomBytes, randomUUID } from 'node:crypto';
import { SqliteKeyStore } from '../key-store/sqlite-key-store';
import { Keyring, MissingDataKeyError } from '../keyring/keyring';
import { MasterKey } from '../keyring/master-key';
import { PersonalDataProtectingEventStore } from './personal-data-protecting-event-store';
import { SEALED } from './sealed-personal-data';

const metadata = { occurredAt: '2026-11-20', actor: { userId: 'u1', role: 'caseworker' }, correlationId: 'c', causationId: 'c', commandId: 'c' };
const registration = (): NewEvent => ({
  eventId: randomUUID(),
  type: 'OffenderRegistered',
  schemaVersion: 1,
  data: { offenderId: 'o-1', area: 'northumbria', registeredOn: '2026-11-20', personal: { crn: 'X123456', pncId: '2001/0012345A', givenName: 'Samantha', familyName: 'Exampleton', dateOfBirth: '1990-04-12' } },
  metadata,
});
const contact = (notes: string): NewEvent => ({
  eventId: randomUUID(),
  type: 'ContactRecorded',
  schemaVersion: 1,
  data: { contactOn: '2026-11-20', kind: 'home-visit', outcome: 'attended', notes },
  metadata,
});

describe('personal data sealed under the offender\'s key', () => {
  let adapter: SqliteEventStore;
  let keys: SqliteKeyStore;
  let store: PersonalDataProtectingEventStore;
  const master = MasterKey.of(randomBytes(32));
  beforeEach(() => {
    adapter = new SqliteEventStore({ path: ':memory:' });
    keys = new SqliteKeyStore(':memory:');
    store = new PersonalDataProtectingEventStore(adapter, new Keyring(master, keys));
  });
  afterEach(() => store.close());

  it('the adapter stores no name, date of birth, PNC id or note in clear, and readers get them back', async () => {
    await store.append('offender-o-1', [registration(), contact('Met Samantha at her sister Jo\'s flat')], { expectedVersion: 'no-stream' });
    const raw = JSON.stringify(await adapter.readStream('offender-o-1'));
    for (const secret of ['Samantha', 'Exampleton', '1990-04-12', '2001/0012345A', 'X123456', 'sister Jo']) expect(raw).not.toContain(secret);
    expect(raw).toContain('northumbria');
    const [registered, recorded] = await store.readStream('offender-o-1');
    expect(registered.data).toEqual(registration().data);
    expect((recorded.data as { notes: string }).notes).toBe("Met Samantha at her sister Jo's flat");
    expect(await store.readAll({ limit: 10 })).toEqual(await store.readStream('offender-o-1'));
  });

  it('an event with no personal data is stored as it is, and needs no key', async () => {
    const arrest: NewEvent = { eventId: randomUUID(), type: 'ArrestRecorded', schemaVersion: 1, data: { arrestedOn: '2026-11-19', offence: 'burglary' }, metadata };
    await store.append('offender-o-2', [arrest], { expectedVersion: 'no-stream' });
    expect((await adapter.readStream('offender-o-2'))[0].data).toEqual(arrest.data);
    expect(await keys.get('offender-o-2')).toBeUndefined();
  });

  it('once the key is destroyed, the history still reads, with every personal value [erased], and the chain verifies', async () => {
    await store.append('offender-o-1', [registration(), contact('Seen with Jo')], { expectedVersion: 'no-stream' });
    const before = await adapter.readStream('offender-o-1');
    await new Keyring(master, keys).destroy('offender-o-1', '2026-11-21T09:00:00Z');
    const reader = new PersonalDataProtectingEventStore(adapter, new Keyring(master, keys));
    const [registered, recorded] = await reader.readStream('offender-o-1');
    expect(registered.data).toEqual({
      offenderId: 'o-1',
      area: 'northumbria',
      registeredOn: '2026-11-20',
      personal: { crn: '[erased]', pncId: '[erased]', givenName: '[erased]', familyName: '[erased]', dateOfBirth: '[erased]' },
    });
    expect((recorded.data as { notes: string }).notes).toBe('[erased]');
    expect(await adapter.readStream('offender-o-1')).toEqual(before);
    expect((await verifyLog(reader)).ok).toBe(true);
  });

  it('nothing more with personal data can be written for an erased offender', async () => {
    await store.append('offender-o-1', [registration()], { expectedVersion: 'no-stream' });
    await store['keyring'].destroy('offender-o-1', '2026-11-21T09:00:00Z');
    await expect(store.append('offender-o-1', [contact('x')], { expectedVersion: 1 })).rejects.toThrow(/destroyed/);
    expect(await adapter.headPosition()).toBe(1);
  });

  it('a sealed box moved onto another event does not open', async () => {
    await store.append('offender-o-1', [registration(), contact('Seen with Jo')], { expectedVersion: 'no-stream' });
    const [, stored] = await adapter.readStream('offender-o-1');
    const forged = { ...stored, eventId: randomUUID() };
    await expect(store['openOne'](forged)).rejects.toThrow(/authenticate/);
    expect(Object.keys(stored.data as object)).toContain(SEALED);
  });

  it('a log read with a key store that never held its keys fails loudly instead of reading as erased', async () => {
    await store.append('offender-o-1', [registration()], { expectedVersion: 'no-stream' });
    const elsewhere = new PersonalDataProtectingEventStore(adapter, new Keyring(master, new SqliteKeyStore(':memory:')));
    await expect(elsewhere.readStream('offender-o-1')).rejects.toBeInstanceOf(MissingDataKeyError);
  });

  it('the wrong master key is named as such', async () => {
    await store.append('offender-o-1', [registration()], { expectedVersion: 'no-stream' });
    const wrong = new PersonalDataProtectingEventStore(adapter, new Keyring(MasterKey.of(randomBytes(32)), keys));
    await expect(wrong.readStream('offender-o-1')).rejects.toThrow(/PPO_MASTER_KEY/);
  });
});
