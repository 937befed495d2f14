import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { runDemo } from '../../apps/cli/src/commands/demo/run-demo';

const ROOT = resolve(__dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'ppo-demo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

describe('npm run demo', () => {
  it('seeds a fresh store, prints new random passwords for five demo accounts, and serves the cohort to them', async () => {
    const port = await freePort();
    const dir = join(work, 'demo');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', 'demo', '--dir', dir, '--offenders', '12'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    try {
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no sign-ins printed within 45 s:\n${out}`)), 45_000);
        child.stdout.on('data', () => {
          if (/Stop with Ctrl\+C/.test(out)) {
            clearTimeout(timer);
            done();
          }
        });
        child.on('exit', (code) => fail(new Error(`the demo exited (${code}):\n${out}`)));
      });
      expect(out).toMatch(/^Seeded 12 offenders \(--seed 2026 --today \d{4}-\d{2}-\d{2}\) .* 0 refused$/m);
      expect(out).toContain(`PPO Journey demo: http://localhost:${port}`);
      const signIns = Object.fromEntries([...out.matchAll(/^ {2}(casey|sam|audrey|ana|ada) +(\S+) +(\S.*?) {2}/gm)].map((m) => [m[1], { password: m[2], roles: m[3].trim() }]));
      expect(Object.keys(signIns).sort()).toEqual(['ada', 'ana', 'audrey', 'casey', 'sam']);
      expect(Object.values(signIns).map((s) => s.roles)).toEqual(['caseworker', 'supervisor', 'auditor', 'analyst', 'admin']);
      const passwords = Object.values(signIns).map((s) => s.password);
      expect(new Set(passwords).size).toBe(5);
      for (const password of passwords) expect(password).toMatch(/^[\w-]{20}$/);

      const http = request(`http://127.0.0.1:${port}`);
      const token = await http.post('/api/auth/token').send({ username: 'casey', password: signIns.casey.password }).expect(200);
      const list = await http.get('/api/offenders?pageSize=100').set('Authorization', `Bearer ${token.body.access_token}`).expect(200);
      expect(list.body.items.length).toBeGreaterThan(0);
      expect(new Set(list.body.items.map((o: { area: string }) => o.area))).toEqual(new Set(['northumbria']));
      await http.post('/api/auth/token').send({ username: 'casey', password: signIns.sam.password }).expect(401);
      await http.get('/health/ready').expect(200);
      expect(readdirSync(dir)).toEqual(expect.arrayContaining(['.ppo-demo', 'ppo.db', 'read-models.db', 'accounts.db']));
    } finally {
      child.kill('SIGTERM');
      await new Promise((done) => (child.exitCode !== null ? done(undefined) : child.on('exit', done)));
    }
  }, 60_000);

  it('never empties a directory it did not make', async () => {
    const dir = join(work, 'someone-elses');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    await expect(runDemo({ dir, offenders: 1, seed: 1, years: 1 })).rejects.toThrow(`${dir} is not empty and was not made by the demo: give another --dir`);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });
});
