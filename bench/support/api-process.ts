import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The API running as a child process, as `npm start` would run it, for benchmarks that go through HTTP. */
export interface ApiProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  pid: number;
  /** Where its standard output and error (the JSON request log) go. */
  logPath: string;
  /** Resident set size now, in MB, from the kernel. */
  rssMb(): number;
  /** Peak resident set size since the process started (VmHWM), in MB. */
  peakRssMb(): number;
  /** CPU time it has used so far, user and system, in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** utime + stime from /proc/<pid>/stat, in clock ticks (100 a second on Linux). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}

/** The compiled service, as `npm run build` writes it and `npm run start:prod` runs it. */
export const BUILT_MAIN = 'dist/apps/api/apps/api/src/main.js';

/** Compiles the service as `npm run build` does (into dist/), so BUILT_MAIN is the code in the working tree. */
export function buildApi(): void {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const built = spawnSync(process.execPath, ['node_modules/@nestjs/cli/bin/nest.js', 'build', 'api'], { env, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`);
}

/**
 * Starts the API in its own Node process with the given environment on top of
 * this one's, and waits until /health/ready answers 200: the compiled service
 * (BUILT_MAIN) when `built`, as production runs it, otherwise
 * apps/api/src/main.ts through @swc-node/register, as `npm run ppo` runs.
 * `nodeArgs` go to Node before the script (e.g. `--cpu-prof`).
 */
export async function startApi(
  dataDir: string,
  env: Record<string, string>,
  options: { built?: boolean; nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<ApiProcess> {
  const { built = false, nodeArgs = [], timeoutMs = 120_000 } = options;
  const port = await freePort();
  const logPath = join(dataDir, 'api.log');
  const log = openSync(logPath, 'a');
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port), PPO_DATA_DIR: dataDir };
  // Jest's VM-modules flag is for tests; the service runs without it.
  delete childEnv.NODE_OPTIONS;
  const script = built ? [BUILT_MAIN] : ['-r', '@swc-node/register', 'apps/api/src/main.ts'];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...script], {
    env: childEnv,
    stdio: ['ignore', log, log],
  });
  const pid = child.pid!;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited (${child.exitCode}) while starting; see ${logPath}:\n${readFileSync(logPath, 'utf8').slice(-2000)}`);
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API was not ready within ${timeoutMs / 1000} s; see ${logPath}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid,
    logPath,
    rssMb: () => Math.round(statusKb(pid, 'VmRSS') / 1024),
    peakRssMb: () => Math.round(statusKb(pid, 'VmHWM') / 1024),
    cpuSeconds: () => cpuTicks(pid) / 100,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
