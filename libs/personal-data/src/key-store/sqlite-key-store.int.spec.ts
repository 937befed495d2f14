import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyStoreContract } from './key-store.contract';
import { SqliteKeyStore } from './sqlite-key-store';

keyStoreContract('SQLite', async () => new SqliteKeyStore(':memory:'));

describe('the SQLite key store on disk', () => {
  it("leaves no trace of a destroyed key's bytes in its files", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ppo-keys-'));
    try {
      const store = new SqliteKeyStore(join(dir, 'keys.db'));
      const wrapped = Buffer.from('a-wrapped-key-that-is-easy-to-find-0123456789abcdef');
      await store.putIfAbsent('offender-x', { masterKeyId: 'm1', wrapped });
      await store.destroy('offender-x', '2026-11-20T10:00:00Z');
      await store.close();
      for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(wrapped)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
