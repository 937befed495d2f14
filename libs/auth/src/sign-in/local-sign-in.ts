import type { Account } from '../accounts/account';
import type { SqliteAccountStore } from '../accounts/sqlite-account-store';
import type { PasswordHasher } from '../passwords/password-hasher';

/** Lockout after repeated failures: this many in a row locks the account for `lockMinutes`. */
export interface LockoutPolicy {
  failuresBeforeLock: number;
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { failuresBeforeLock: 5, lockMinutes: 15 };

/**
 * The one message for every failed sign-in (unknown user, wrong password,
 * disabled or locked account), so nobody can learn which usernames exist.
 */
export const SIGN_IN_FAILED = 'Enter a correct username and password. After 5 failed attempts an account is locked for 15 minutes.';

export class SignInFailedError extends Error {
  constructor() {
    super(SIGN_IN_FAILED);
  }
}

/** Checks a local username and password, counting failures and locking the account after too many. */
export class LocalSignIn {
  constructor(
    private readonly accounts: SqliteAccountStore,
    private readonly hasher: PasswordHasher,
    private readonly now: () => Date,
    private readonly lockout: LockoutPolicy = DEFAULT_LOCKOUT,
  ) {}

  async signIn(username: string, password: string): Promise<Account> {
    const found = this.accounts.credentials(username);
    if (!found) {
      await this.hasher.verifyNothing(password);
      throw new SignInFailedError();
    }
    const { account, passwordHash } = found;
    const now = this.now();
    const lockedUntil = account.lockedUntil ? new Date(account.lockedUntil) : undefined;
    if (lockedUntil && lockedUntil > now) {
      // Still spend the hashing time: a locked account must not answer faster.
      await this.hasher.verifyNothing(password);
      throw new SignInFailedError();
    }
    if (lockedUntil) this.accounts.resetFailedSignIns(account.id);
    const matches = await this.hasher.verify(passwordHash, password);
    if (!matches) {
      this.accounts.recordFailedSignIn(account.id, this.lockout.failuresBeforeLock, new Date(now.getTime() + this.lockout.lockMinutes * 60_000));
      throw new SignInFailedError();
    }
    if (account.disabledAt) throw new SignInFailedError();
    this.accounts.resetFailedSignIns(account.id);
    return this.accounts.byId(account.id)!;
  }
}
