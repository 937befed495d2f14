import type { INestApplication } from '@nestjs/common';
import { AccessTokens, PasswordHasher, SqliteAccountStore, type Account, type AuthConfig, type Role } from '@ppo/auth';
import { DEFAULT_SCHEME_POLICIES } from '@ppo/domain';
import { EVENT_STORE, type EventStore } from '@ppo/event-store';
import { fixedClock, type Clock } from '@ppo/offenders';
import { ProjectionsService } from '@ppo/read-models';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../apps/api/src/bootstrap';
import type { AppConfig } from '@ppo/config';

/** "Today" in every e2e test: a Friday in November 2026, in London. */
export const TODAY = '2026-11-20';

/** A user of the test app, and an HTTP client that calls the API with their bearer token. */
export interface TestUser {
  account: Account;
  http: TestAgent;
}

export interface TestApp {
  app: INestApplication;
  /** Signed in as a caseworker in Northumbria. Local accounts only: with OIDC, reading it throws. */
  http: TestAgent;
  caseworker: Account;
  /** Signed in as a supervisor in Northumbria (adoption, deselection, strand changes). */
  supervisor: TestUser;
  /** A client with no credentials at all. */
  anonymous: TestAgent;
  /** Adds a local account with these roles and areas, and a client signed in as them (local accounts only). */
  user(roles: Role[], areas?: string[], options?: { username?: string; password?: string }): Promise<TestUser>;
  store: EventStore;
  /** Resolves once the read models have caught up with every event appended so far. */
  projected(): Promise<void>;
  close(): Promise<void>;
}

/** A password that passes the rules, for test accounts. */
export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * Starts the real API over an in-memory SQLite event store and accounts, with the clock fixed at TODAY unless given,
 * and local accounts unless another auth config is given (then no local users are made).
 */
export async function startTestApp(
  options: {
    clock?: Clock;
    auth?: AuthConfig;
    /** false: start with no account at all, as a new installation does. */
    users?: boolean;
    /** Other settings: projections off, a readiness threshold... */
    config?: Partial<Pick<AppConfig, 'runProjections' | 'readyMaxLagEvents' | 'eventStore' | 'readModels' | 'auditLogPath' | 'personalData'>>;
  } = {},
): Promise<TestApp> {
  const config: AppConfig = {
    port: 0,
    dataDir: '',
    eventStore: { kind: 'sqlite', path: ':memory:' },
    readModels: { kind: 'sqlite', path: ':memory:' },
    runProjections: true,
    timeZone: 'Europe/London',
    policies: DEFAULT_SCHEME_POLICIES,
    logLevel: 'silent',
    auditLogPath: ':memory:',
    readyMaxLagEvents: 10_000,
    personalData: { masterKey: { kind: 'value', value: randomBytes(32).toString('base64') }, keyStore: { kind: 'sqlite', path: ':memory:' } },
    auth: options.auth ?? { mode: 'local', secret: 'a test secret that is long enough to sign with', sessionIdleMinutes: 15, accountsPath: ':memory:' },
  };
  Object.assign(config, options.config);
  const clock = options.clock ?? fixedClock(`${TODAY}T10:00:00Z`);
  const app = await createApp(config, { clock });
  await app.init();
  const shared = {
    app,
    anonymous: request(app.getHttpServer()),
    store: app.get<EventStore>(EVENT_STORE),
    projected: () => app.get(ProjectionsService).caughtUp(),
    close: () => app.close(),
  };
  if (config.auth.mode !== 'local' || options.users === false) {
    const localOnly = (): never => {
      throw new Error(config.auth.mode === 'local' ? 'This test app was started with no users' : `Test users are local accounts; this app signs in with ${config.auth.mode}`);
    };
    return {
      ...shared,
      get http() {
        return localOnly();
      },
      get caseworker() {
        return localOnly();
      },
      get supervisor() {
        return localOnly();
      },
      user: async () => localOnly(),
    };
  }
  let n = 0;
  const user = async (roles: Role[], areas: string[] = ['northumbria'], o: { username?: string; password?: string } = {}): Promise<TestUser> => {
    const username = o.username ?? `${roles.join('-')}-${++n}`;
    const account = app.get(SqliteAccountStore).add(
      { username, displayName: `Test ${username}`, roles, areas, passwordHash: await app.get(PasswordHasher).hash(o.password ?? TEST_PASSWORD) },
      clock.now(),
    );
    const token = await app.get(AccessTokens).issue(account.id);
    return { account, http: request.agent(app.getHttpServer()).set('Authorization', `Bearer ${token}`) };
  };
  const caseworker = await user(['caseworker'], ['northumbria'], { username: 'casey' });
  const supervisor = await user(['supervisor'], ['northumbria'], { username: 'supervisor' });
  return { ...shared, http: caseworker.http, caseworker: caseworker.account, supervisor, user };
}

/** A registration body for a 36-year-old in Northumbria. */
export function registration(overrides: Record<string, unknown> = {}) {
  return { crn: 'X123456', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-04-12', area: 'northumbria', ...overrides };
}

/** Registers an offender and returns their id. */
export async function register(http: TestAgent, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await http.post('/api/offenders').send(registration(overrides)).expect(201);
  return response.body.offenderId;
}

/** Registers an offender with six shop thefts this year, and has the supervisor adopt them on 1 July 2026. */
export async function adoptedOffender(t: TestApp, overrides: Record<string, unknown> = {}): Promise<string> {
  const { http } = t;
  const id = await register(http, overrides);
  for (let month = 1; month <= 6; month++) {
    await http
      .post(`/api/offenders/${id}/convictions`)
      .send({ offence: 'theft-from-shops', offenceDate: `2026-0${month}-02`, convictionDate: `2026-0${month}-20`, court: 'Newcastle Magistrates' })
      .expect(200);
  }
  await t.supervisor.http.post(`/api/offenders/${id}/adoption`).send({ adoptedOn: '2026-07-01' }).expect(200);
  return id;
}
