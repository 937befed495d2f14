import type { Role } from '../access/roles';

/** A local account, as stored (without its password hash). */
export interface Account {
  id: string;
  /** Lower-case; what the user signs in with. */
  username: string;
  displayName: string;
  roles: Role[];
  areas: string[];
  createdAt: string;
  disabledAt: string | null;
  /** Consecutive failed sign-ins since the last success. */
  failedSignIns: number;
  /** Sign-in is refused until then, after too many failures. */
  lockedUntil: string | null;
}

/** A new local account. */
export interface NewAccount {
  username: string;
  displayName: string;
  roles: Role[];
  areas: string[];
  passwordHash: string;
}

const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

/** Usernames are case-insensitive: stored and compared in lower case. */
export const normaliseUsername = (username: string) => username.trim().toLowerCase();

/** Why a username is refused, or undefined when it is acceptable. */
export function usernameProblem(username: string): string | undefined {
  return USERNAME.test(normaliseUsername(username))
    ? undefined
    : 'Username must be 2 to 64 characters: letters, digits, dots, hyphens, underscores or @, starting with a letter or digit';
}
