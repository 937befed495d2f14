import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

/** What a run of the command line did. */
export interface PpoRun {
  code: number | null;
  out: string;
  err: string;
}

/**
 * The `ppo` command line run as an operator would (`npm run ppo -- ...`), in a
 * throwaway data directory made for the calling test file and removed after it.
 */
export function ppoInTempDataDir(prefix: string) {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = (args: string[], options: { input?: string; env?: Record<string, string> } = {}): PpoRun => {
    const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, PPO_DATA_DIR: dataDir, NODE_OPTIONS: '', ...options.env },
      input: options.input,
      encoding: 'utf8',
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };
  return { dataDir, run };
}
