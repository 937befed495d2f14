import { randomBytes } from 'node:crypto';
import { ACCESS_TOKEN_SECONDS, AccessTokens, InvalidTokenError } from './access-tokens';

describe('Access tokens, checked once and remembered until they expire', () => {
  let now: Date;
  const tokens = () => new AccessTokens(new Uint8Array(randomBytes(32)), () => now);
  beforeEach(() => (now = new Date('2026-11-23T09:00:00Z')));

  it('accepts a token again and again for the account it was issued to', async () => {
    const issuer = tokens();
    const token = await issuer.issue('user-1');
    await expect(issuer.verify(token)).resolves.toBe('user-1');
    await expect(issuer.verify(token)).resolves.toBe('user-1');
  });

  it('refuses a token it has accepted before once its 15 minutes are up, to the second', async () => {
    const issuer = tokens();
    const token = await issuer.issue('user-1');
    await issuer.verify(token);
    now = new Date(now.getTime() + (ACCESS_TOKEN_SECONDS - 1) * 1000);
    await expect(issuer.verify(token)).resolves.toBe('user-1');
    now = new Date(now.getTime() + 1000);
    await expect(issuer.verify(token)).rejects.toEqual(new InvalidTokenError('expired'));
    await expect(issuer.verify(token)).rejects.toEqual(new InvalidTokenError('expired'));
  });

  it('refuses a copy with a changed signature, or one from another key, after accepting the real one', async () => {
    const issuer = tokens();
    const token = await issuer.issue('user-1');
    await issuer.verify(token);
    const [header, payload, signature] = token.split('.');
    const altered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    await expect(issuer.verify(altered)).rejects.toEqual(new InvalidTokenError('invalid'));
    await expect(tokens().verify(token)).rejects.toEqual(new InvalidTokenError('invalid'));
  });

  it('still knows every token it holds when more are verified than it remembers', async () => {
    const issuer = tokens();
    const issued = await Promise.all(Array.from({ length: 1_200 }, (_, i) => issuer.issue(`user-${i}`)));
    for (const token of issued) await issuer.verify(token);
    expect(await Promise.all(issued.map((token) => issuer.verify(token)))).toEqual(issued.map((_, i) => `user-${i}`));
  });
});
