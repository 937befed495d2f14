import { ALL_AREA_ROLES, isRole, PasswordHasher, passwordProblem, ROLES, SqliteAccountStore, usernameProblem, type Account, type Role } from '@ppo/auth';
import { loadConfig } from '@ppo/config';
import { Command, InvalidArgumentError, Option } from 'commander';
import { newPassword } from './password-prompt';

function withAccounts<T>(work: (accounts: SqliteAccountStore) => Promise<T>): Promise<T> {
  const { auth } = loadConfig();
  if (auth.mode !== 'local') throw new Error('PPO_AUTH=oidc: users are managed in the identity provider, not here');
  const accounts = new SqliteAccountStore(auth.accountsPath);
  return work(accounts).finally(() => accounts.close());
}

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

function parseRoles(value: string): Role[] {
  const roles = list(value);
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length || roles.length === 0) throw new InvalidArgumentError(`roles are a comma-separated list of ${ROLES.join(', ')}`);
  return [...new Set(roles as Role[])];
}

function parseUsername(value: string): string {
  const problem = usernameProblem(value);
  if (problem) throw new InvalidArgumentError(problem);
  return value;
}

const describe = (a: Account) =>
  `${a.username.padEnd(20)} ${a.displayName.padEnd(24)} ${a.roles.join(',').padEnd(22)} ${(a.areas.join(',') || '-').padEnd(20)} ${
    a.disabledAt ? `disabled ${a.disabledAt.slice(0, 10)}` : a.lockedUntil && new Date(a.lockedUntil) > new Date() ? `locked until ${a.lockedUntil}` : 'active'
  }`;

function requireAccount(accounts: SqliteAccountStore, username: string): Account {
  const account = accounts.byUsername(username);
  if (!account) throw new Error(`no user is called ${username}`);
  return account;
}

/** `ppo users add|list|disable|enable|reset-password`: local accounts on the embedded default. */
export function usersCommand(): Command {
  const command = new Command('users').description('Local accounts (PPO_AUTH=local, the default): add, list, disable, reset passwords');
  const passwordStdin = new Option('--password-stdin', 'read the password from the first line of standard input instead of asking');

  command
    .command('add')
    .description('Add a user; asks for their password (there is no default password)')
    .argument('<username>', 'what they sign in with', parseUsername)
    .requiredOption('--name <full name>', 'their full name, shown in the service and in histories')
    .requiredOption('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`, parseRoles)
    .option('--areas <areas>', 'comma-separated areas they work in (not needed for auditor, dpo or admin)', list, [] as string[])
    .addOption(passwordStdin)
    .action(async (username: string, options: { name: string; roles: Role[]; areas: string[]; passwordStdin?: boolean }) => {
      if (options.areas.length === 0 && !options.roles.every((r) => ALL_AREA_ROLES.includes(r))) {
        throw new Error(`--areas is needed for ${options.roles.filter((r) => !ALL_AREA_ROLES.includes(r)).join(' and ')}: the areas whose offenders they see`);
      }
      await withAccounts(async (accounts) => {
        if (accounts.byUsername(username)) throw new Error(`the username ${username} is already taken`);
        const password = await newPassword(!!options.passwordStdin);
        const problem = passwordProblem(password);
        if (problem) throw new Error(`${problem}; nothing was added`);
        const hash = await new PasswordHasher().hash(password);
        const account = accounts.add({ username, displayName: options.name.trim(), roles: options.roles, areas: options.areas, passwordHash: hash }, new Date());
        console.log(`Added ${account.username} (${account.displayName}): ${account.roles.join(', ')}${account.areas.length ? ` in ${account.areas.join(', ')}` : ''}`);
      });
    });

  command
    .command('list')
    .description('Every user, with roles, areas and whether they can sign in')
    .action(() =>
      withAccounts(async (accounts) => {
        console.log(`${'username'.padEnd(20)} ${'name'.padEnd(24)} ${'roles'.padEnd(22)} ${'areas'.padEnd(20)} status`);
        for (const account of accounts.list()) console.log(describe(account));
      }),
    );

  command
    .command('disable')
    .description('Stop a user signing in, and end their sessions and tokens at once (their history stays theirs)')
    .argument('<username>')
    .action((username: string) =>
      withAccounts(async (accounts) => {
        const account = requireAccount(accounts, username);
        accounts.setDisabled(username, true, new Date());
        const ended = accounts.endSessions(account.id);
        console.log(`Disabled ${account.username}; ended ${ended} session${ended === 1 ? '' : 's'}`);
      }),
    );

  command
    .command('enable')
    .description('Let a disabled user sign in again')
    .argument('<username>')
    .action((username: string) =>
      withAccounts(async (accounts) => {
        requireAccount(accounts, username);
        accounts.setDisabled(username, false, new Date());
        console.log(`Enabled ${username}`);
      }),
    );

  command
    .command('reset-password')
    .description('Set a new password (asked for), lift any lockout and end the user’s sessions')
    .argument('<username>')
    .addOption(passwordStdin)
    .action((username: string, options: { passwordStdin?: boolean }) =>
      withAccounts(async (accounts) => {
        const account = requireAccount(accounts, username);
        const password = await newPassword(!!options.passwordStdin);
        const problem = passwordProblem(password);
        if (problem) throw new Error(`${problem}; the password was not changed`);
        accounts.setPassword(username, await new PasswordHasher().hash(password), new Date());
        accounts.endSessions(account.id);
        console.log(`Set a new password for ${account.username}`);
      }),
    );

  return command;
}
