import { PasswordHasher, SqliteAccountStore, type Role } from '@ppo/auth';
import { loadConfig } from '@ppo/config';
import { openProtectedEventStore } from '@ppo/personal-data';
import { systemClock } from '@ppo/offenders';
import { ProjectionsService } from '@ppo/read-models';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createApp } from '../../../../api/src/bootstrap';
import { describeSeed, seedCohort } from '../seed/seed-cohort';

export interface DemoOptions {
  dir: string;
  offenders: number;
  seed: number;
  years: number;
}

/** Marks a directory as the demo's own, so a new demo may wipe it and nothing else. */
const MARKER = '.ppo-demo';

/** The demo's people: a caseworker and a supervisor in Northumbria, and one of each other role that signs in. */
const DEMO_USERS: { username: string; displayName: string; roles: Role[]; areas: string[] }[] = [
  { username: 'casey', displayName: 'Casey Jones', roles: ['caseworker'], areas: ['northumbria'] },
  { username: 'sam', displayName: 'Sam Okafor', roles: ['supervisor'], areas: ['northumbria'] },
  { username: 'audrey', displayName: 'Audrey Hall', roles: ['auditor'], areas: [] },
  { username: 'ana', displayName: 'Ana Patel', roles: ['analyst'], areas: ['northumbria', 'durham', 'cumbria'] },
  { username: 'ada', displayName: 'Ada Lovelace', roles: ['admin'], areas: [] },
];

/** Empties the demo directory if an earlier demo made it; refuses any other non-empty directory. */
function freshDirectory(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, MARKER))) throw new Error(`${dir} is not empty and was not made by the demo: give another --dir`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), 'Made by `npm run demo`, and emptied at its next start. Synthetic data only.\n');
}

/**
 * `npm run demo`: a fresh embedded store seeded with a synthetic cohort, demo
 * accounts with new random passwords, and the service on top, configured by
 * the same loader as `npm start` (only the data directory and stores are the demo's).
 */
export async function runDemo(options: DemoOptions): Promise<void> {
  const dir = resolve(options.dir);
  freshDirectory(dir);
  const config = loadConfig({
    ...process.env,
    PPO_DATA_DIR: dir,
    // The demo always runs on its own embedded store, whatever the environment says.
    PPO_EVENT_STORE: '',
    PPO_READ_MODELS: '',
    PPO_PROJECTIONS: 'on',
    PPO_AUTH: 'local',
    // A new key per demo: sign-ins end with it, as the accounts do.
    PPO_AUTH_SECRET: randomBytes(32).toString('base64url'),
    PPO_LOG_LEVEL: process.env.PPO_LOG_LEVEL || 'warn',
  });

  console.log(`Seeding a demo cohort of ${options.offenders} offenders into ${relative(process.cwd(), dir) || dir}`);
  const events = openProtectedEventStore(config.eventStore, config.personalData);
  try {
    const summary = await seedCohort(events, {
      seed: options.seed,
      offenders: options.offenders,
      years: options.years,
      today: systemClock(config.timeZone).today(),
      policies: config.policies,
      timeZone: config.timeZone,
      progress: true,
    });
    console.log(describeSeed(summary));
  } finally {
    await events.close();
  }

  const accounts = new SqliteAccountStore(config.auth.accountsPath);
  const hasher = new PasswordHasher();
  const signIns: { username: string; password: string; roles: string; areas: string }[] = [];
  try {
    for (const user of DEMO_USERS) {
      // New every time, never written down anywhere but this terminal.
      const password = randomBytes(15).toString('base64url');
      accounts.add({ ...user, displayName: `${user.displayName} (demo)`, passwordHash: await hasher.hash(password) }, new Date());
      signIns.push({ username: user.username, password, roles: user.roles.join(', '), areas: user.areas.join(', ') || 'all' });
    }
  } finally {
    accounts.close();
  }

  const app = await createApp(config);
  try {
    await app.listen(config.port);
  } catch (error) {
    await app.close();
    if ((error as { code?: string }).code === 'EADDRINUSE') throw new Error(`port ${config.port} is in use: try PORT=3001 npm run demo`);
    throw error;
  }
  console.log('Bringing the read models up to date...');
  await app.get(ProjectionsService).caughtUp();

  const url = `http://localhost:${config.port}`;
  const width = (key: keyof (typeof signIns)[number]) => Math.max(key.length, ...signIns.map((s) => s[key].length));
  const row = (cells: Record<keyof (typeof signIns)[number], string>) =>
    `  ${cells.username.padEnd(width('username'))}  ${cells.password.padEnd(width('password'))}  ${cells.roles.padEnd(width('roles'))}  ${cells.areas}`;
  console.log(
    [
      '',
      `PPO Journey demo: ${url} (API docs at ${url}/api/docs). Synthetic data only: never enter real people here.`,
      'Sign in as (passwords are new at every start):',
      row({ username: 'username', password: 'password', roles: 'roles', areas: 'areas' }),
      ...signIns.map(row),
      `Data in ${dir} (emptied at the next demo). Stop with Ctrl+C.`,
    ].join('\n'),
  );
}
