import { PasswordHasher, SqliteAccountStore } from '@ppo/auth';
import { join } from 'node:path';
import { ppoInTempDataDir } from '../testing/run-ppo';

const { dataDir, run } = ppoInTempDataDir('ppo-users-');
const ppo = (args: string[], input?: string, env: Record<string, string> = {}) => run(['users', ...args], { input, env });

const accounts = () => new SqliteAccountStore(join(dataDir, 'accounts.db'));

describe('Managing local accounts on the command line', () => {
  it('adds the first administrator in one command, with the password hashed by argon2id', async () => {
    const added = ppo(['add', 'Ada', '--name', 'Ada Admin', '--roles', 'admin', '--password-stdin'], 'a long enough password\n');
    expect(added).toMatchObject({ code: 0, out: 'Added ada (Ada Admin): admin\n' });
    const store = accounts();
    const found = store.credentials('ada')!;
    expect(found.account).toMatchObject({ username: 'ada', displayName: 'Ada Admin', roles: ['admin'], areas: [], disabledAt: null });
    expect(found.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(new PasswordHasher().verify(found.passwordHash, 'a long enough password')).resolves.toBe(true);
    store.close();
  });

  it('adds a caseworker to their areas, and lists everyone', () => {
    expect(ppo(['add', 'casey', '--name', 'Casey Worker', '--roles', 'caseworker,supervisor', '--areas', 'northumbria, cumbria', '--password-stdin'], 'another long password\n').code).toBe(0);
    const listed = ppo(['list']);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^casey\s+Casey Worker\s+caseworker,supervisor\s+northumbria,cumbria\s+active$/m);
    expect(listed.out).toMatch(/^ada\s+Ada Admin\s+admin\s+-\s+active$/m);
  });

  it('refuses bad input with a clear message and adds nothing', () => {
    const cases: [string[], string | undefined, RegExp][] = [
      [['add', 'sam', '--name', 'Sam', '--roles', 'caseworker', '--password-stdin'], 'a long enough password\n', /--areas is needed for caseworker/],
      [['add', 'sam', '--name', 'Sam', '--roles', 'janitor', '--areas', 'x', '--password-stdin'], 'a long enough password\n', /roles are a comma-separated list/],
      [['add', 'sam', '--name', 'Sam', '--roles', 'auditor', '--password-stdin'], 'short\n', /at least 12 characters; nothing was added/],
      [['add', 'casey', '--name', 'Casey Again', '--roles', 'auditor', '--password-stdin'], 'a long enough password\n', /already taken/],
      [['add', 'no spaces', '--name', 'X', '--roles', 'auditor', '--password-stdin'], 'a long enough password\n', /Username must be/],
      [['add', 'sam', '--name', 'Sam', '--roles', 'auditor'], undefined, /--password-stdin/],
    ];
    for (const [args, input, message] of cases) {
      const run = ppo(args, input);
      expect(run.code).not.toBe(0);
      expect(run.err).toMatch(message);
    }
    expect(ppo(['list']).out).not.toMatch(/^sam\s/m);
  });

  it('disables a user, ending their sessions, and resets a password, lifting a lockout', () => {
    const store = accounts();
    const casey = store.byUsername('casey')!;
    store.db.prepare('INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?)').run('s1', JSON.stringify({ userId: casey.id }), Date.now() + 60_000);
    store.recordFailedSignIn(casey.id, 1, new Date(Date.now() + 60_000));
    store.close();

    expect(ppo(['disable', 'casey'])).toMatchObject({ code: 0, out: 'Disabled casey; ended 1 session\n' });
    expect(ppo(['list']).out).toMatch(/^casey\s.*disabled \d{4}-\d{2}-\d{2}$/m);
    expect(ppo(['enable', 'casey']).code).toBe(0);
    expect(ppo(['reset-password', 'casey', '--password-stdin'], 'a brand new password\n')).toMatchObject({ code: 0, out: 'Set a new password for casey\n' });
    const after = accounts();
    expect(after.byUsername('casey')).toMatchObject({ disabledAt: null, failedSignIns: 0, lockedUntil: null });
    after.close();
    expect(ppo(['disable', 'nobody']).err).toMatch(/no user is called nobody/);
  });

  it('declines to manage users when sign-in is by the identity provider', () => {
    const run = ppo(['list'], undefined, { PPO_AUTH: 'oidc', PPO_OIDC_ISSUER: 'https://idp.example', PPO_OIDC_CLIENT_ID: 'ppo', PPO_PUBLIC_URL: 'https://ppo.example' });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/users are managed in the identity provider/);
  });
});
