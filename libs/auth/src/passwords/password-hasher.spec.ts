import { PasswordHasher, passwordProblem } from './password-hasher';

describe('Passwords hashed with argon2id', () => {
  const hasher = new PasswordHasher({ memoryKiB: 1024, passes: 1, parallelism: 1 });

  it('stores a salted argon2id PHC string that only the right password matches', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    await expect(hasher.verify(hash, 'correct horse battery staple')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'correct horse battery stapler')).resolves.toBe(false);
  });

  it('never gives the same hash twice for one password', async () => {
    expect(await hasher.hash('same password here')).not.toBe(await hasher.hash('same password here'));
  });

  it('checks a hash with the cost it was made with, so raising the cost later keeps old passwords working', async () => {
    const old = await hasher.hash('an older password');
    await expect(new PasswordHasher().verify(old, 'an older password')).resolves.toBe(true);
  });

  it('never matches a malformed hash, and answers an unknown user with false', async () => {
    await expect(hasher.verify('$2b$10$notargon', 'anything at all')).resolves.toBe(false);
    await expect(hasher.verifyNothing('anything at all')).resolves.toBe(false);
  });

  it('asks for at least 12 characters and at most 256', () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(257))).toMatch(/256 characters or fewer/);
    expect(passwordProblem('twelve chars')).toBeUndefined();
  });
});
