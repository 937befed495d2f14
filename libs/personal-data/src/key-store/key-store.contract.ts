import { randomBytes } from 'node:crypto';
import type { KeyStore } from './key-store.port';

/** What every key store must do; run by each adapter's int spec. */
export function keyStoreContract(name: string, open: () => Promise<KeyStore>): void {
  describe(`${name} key store`, () => {
    let store: KeyStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    const key = () => ({ masterKeyId: 'm1', wrapped: randomBytes(60) });

    it('a subject with no key reads as having none, and the first key stored wins', async () => {
      expect(await store.get('offender-a')).toBeUndefined();
      const first = key();
      expect(await store.putIfAbsent('offender-a', first)).toEqual(first);
      expect(await store.putIfAbsent('offender-a', key())).toEqual(first);
      expect(await store.get('offender-a')).toEqual(first);
    });

    it('a destroyed key is gone for good: it reads as destroyed and no new key can take its place', async () => {
      await store.putIfAbsent('offender-b', key());
      expect(await store.destroy('offender-b', '2026-11-20T10:00:00Z')).toBe(true);
      expect(await store.get('offender-b')).toBe('destroyed');
      expect(await store.putIfAbsent('offender-b', key())).toBe('destroyed');
      expect(await store.destroy('offender-b', '2026-11-21T10:00:00Z')).toBe(false);
    });

    it("destroying one subject's key leaves every other subject's key alone", async () => {
      const kept = key();
      await store.putIfAbsent('offender-c', kept);
      await store.putIfAbsent('offender-d', key());
      await store.destroy('offender-d', '2026-11-20T10:00:00Z');
      expect(await store.get('offender-c')).toEqual(kept);
    });
  });
}
