import { PasswordHasher, SqliteAccountStore, type Role } from '@ppo/auth';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** A signing secret shared by every start of the API in a test, so tokens outlive a restart. */
export const FAULT_AUTH_SECRET = 'a fault-test secret that is long enough to sign with';
export const FAULT_PASSWORD = 'correct horse battery staple';

/** The API in a child process of its own, as `npm start` runs it, so the test can kill it. */
export interface ApiProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  child: ChildProcess;
  /** The last of what it wrote to standard output and error, for failure messages. */
  output(): string;
  /** Resolves with the signal or code once the process has exited. */
  exited: Promise<string>;
  /** SIGKILL: no shutdown hook runs, nothing is flushed; as a power cut is to the process. */
  kill(): Promise<void>;
  /** SIGTERM and the service's own shutdown, SIGKILL if it takes more than 10 s. */
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * Starts apps/api/src/main.ts on a data directory (TypeScript through @swc-node/register),
 * with the environment given on top of this one's, and waits until /health/live answers,
 * or /health/ready answers 200 when asked to.
 */
export async function startApi(
  dataDir: string,
  options: { env?: Record<string, string>; waitFor?: 'live' | 'ready'; timeoutMs?: number } = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PPO_LOG_LEVEL: 'warn',
    PPO_AUTH_SECRET: FAULT_AUTH_SECRET,
    ...options.env,
    PORT: String(port),
    PPO_DATA_DIR: dataDir,
  };
  // Jest's VM-modules flag is for the tests; the service runs without it.
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<string>((done) => child.once('exit', (code, signal) => done(signal ?? String(code))));
  const url = `http://127.0.0.1:${port}`;
  const api: ApiProcess = {
    url,
    child,
    output: () => output,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const path = options.waitFor === 'ready' ? '/health/ready' : '/health/live';
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited (${child.exitCode}) while starting:\n${output}`);
    const status = await fetch(`${url}${path}`).then((r) => r.status, () => 0);
    if (status === 200) return api;
    if (Date.now() > deadline) {
      await api.kill();
      throw new Error(`The API did not answer ${path} with 200 in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Adds a local account straight into the data directory's accounts.db (before or while the API runs). */
export async function addAccount(dataDir: string, username: string, roles: Role[], areas: string[] = ['northumbria']): Promise<void> {
  const passwordHash = await new PasswordHasher().hash(FAULT_PASSWORD);
  const accounts = new SqliteAccountStore(join(dataDir, 'accounts.db'));
  try {
    accounts.add({ username, displayName: `Fault test ${username}`, roles, areas, passwordHash }, new Date());
  } finally {
    accounts.close();
  }
}

/** A bearer token for an account, from POST /api/auth/token. */
export async function signIn(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: FAULT_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`Signing in as ${username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** An HTTP call to the API with a bearer token: status, headers and parsed JSON body. */
export async function call(
  url: string,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, headers: response.headers, body };
}
