import { randomBytes } from 'node:crypto';
import { MasterKey } from './master-key';

describe('the master key from configuration', () => {
  it('is 32 bytes as base64 or hex, and the same secret always has the same id', () => {
    const secret = randomBytes(32);
    expect(MasterKey.parse(secret.toString('base64')).id).toBe(MasterKey.parse(secret.toString('hex')).id);
    expect(MasterKey.parse(secret.toString('base64')).id).not.toBe(MasterKey.of(randomBytes(32)).id);
  });

  it.each(['', 'short', randomBytes(16).toString('base64'), randomBytes(33).toString('base64'), 'not base64 at all!!!!!!!!!!!!!!!!!!!!!!!!!!!'])(
    'refuses %j with a message that says what is needed',
    (text) => {
      expect(() => MasterKey.parse(text)).toThrow('PPO_MASTER_KEY must be 32 random bytes as base64 (openssl rand -base64 32) or 64 hex digits');
    },
  );
});
