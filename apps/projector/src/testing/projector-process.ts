import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(__dirname, '../../../..');

/** One JSON line of a projector's log. */
export interface ProjectorLogLine {
  time: number;
  level: number;
  msg: string;
  context?: string;
  /** Set on the lease's lines: waiting, acquired, lost, released, unavailable. */
  lease?: string;
  port?: number;
}

/** A projector run as operators run it (`npm run projector`), its log lines collected as they come. */
export class ProjectorProcess {
  readonly lines: ProjectorLogLine[] = [];
  private readonly child: ChildProcess;
  private readonly exit: Promise<void>;
  private output = '';

  constructor(
    readonly name: string,
    env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/projector/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '', PPO_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      this.output += `${line}\n`;
      try {
        this.lines.push(JSON.parse(line) as ProjectorLogLine);
      } catch {
        // Not a log line.
      }
    });
    this.child.stderr!.on('data', (chunk) => (this.output += chunk));
    this.exit = new Promise((done) => this.child.on('exit', () => done()));
  }

  /** The lease's lines, in order: waiting, acquired, lost... */
  leaseEvents(): string[] {
    return this.lines.filter((l) => l.lease).map((l) => l.lease!);
  }

  /** Resolves with the first log line that matches, waiting for it if need be. */
  async waitFor(match: (line: ProjectorLogLine) => boolean, what: string, timeoutMs = 30_000): Promise<ProjectorLogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.lines.find(match);
      if (line) return line;
      if (Date.now() > deadline || this.child.exitCode !== null) throw new Error(`${this.name}: no log line for ${what}; its output:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** How many times its log says it acquired the lease. */
  acquisitions(): number {
    return this.leaseEvents().filter((e) => e === 'acquired').length;
  }

  async port(): Promise<number> {
    return (await this.waitFor((l) => typeof l.port === 'number', 'its port')).port!;
  }

  /** GETs one of its routes. */
  async get(path: string): Promise<{ status: number; body: string }> {
    const response = await fetch(`http://127.0.0.1:${await this.port()}${path}`);
    return { status: response.status, body: await response.text() };
  }

  /** ppo_projector_lease_held, as its /metrics says. */
  async leaseHeldMetric(): Promise<number> {
    const { body } = await this.get('/metrics');
    return Number(/^ppo_projector_lease_held (\d)$/m.exec(body)?.[1]);
  }

  /** Stops it (SIGTERM: a graceful shutdown; SIGKILL: a crash) and waits for it to exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exit;
  }
}
