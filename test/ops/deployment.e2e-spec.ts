import { parseEventStoreLocation } from '@ppo/event-store';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface ComposeService {
  image?: string;
  build?: unknown;
  profiles?: string[];
  environment?: Record<string, string> | string[];
  depends_on?: Record<string, { condition: string }> | string[];
  ports?: unknown[];
  healthcheck?: { test: string[] | string };
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/**
 * A compose client that can run here: `docker compose` (v2) or `docker-compose` (v1). Either
 * parses, merges and interpolates the file without an engine; without one, the test reads the
 * YAML itself (anchors and merge keys included) and checks the same structure.
 */
function composeClient(): string[] | undefined {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const run = spawnSync(command[0], [...command.slice(1), 'version'], { encoding: 'utf8' });
    if (run.status === 0) return command;
  }
  return undefined;
}

const client = composeClient();
if (!client) process.stdout.write('No compose client here (docker compose or docker-compose): docker-compose.yml checked with the yaml library only\n');

/** The file as the compose client resolves it for a profile (interpolated, anchors merged), or as YAML. */
function composeConfig(profile?: string): ComposeFile {
  if (!client) return parse(read('docker-compose.yml'), { merge: true }) as ComposeFile;
  const run = spawnSync(client[0], [...client.slice(1), '-f', 'docker-compose.yml', ...(profile ? ['--profile', profile] : []), 'config'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PPO_AUTH_SECRET: 'a secret from the environment, long enough to sign' },
  });
  expect(run.stderr).not.toMatch(/error|invalid/i);
  expect(run.status).toBe(0);
  return parse(run.stdout) as ComposeFile;
}

const environment = (service: ComposeService): Record<string, string> =>
  Array.isArray(service.environment)
    ? Object.fromEntries(service.environment.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]))
    : Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, String(v)]));

const dependsOn = (service: ComposeService): Record<string, string> =>
  Array.isArray(service.depends_on) ? Object.fromEntries(service.depends_on.map((d) => [d, 'service_started'])) : Object.fromEntries(Object.entries(service.depends_on ?? {}).map(([k, v]) => [k, v.condition]));

describe('docker-compose.yml', () => {
  const compose = composeConfig();

  it('is valid for the compose client, and runs EventStoreDB, PostgreSQL and the API built from this repository', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['eventstore', 'postgres', 'api']));
    const api = compose.services.api;
    expect(api.build).toBeDefined();
    const env = environment(api);
    expect(parseEventStoreLocation(env.PPO_EVENT_STORE)).toEqual({ kind: 'esdb', connectionString: 'esdb://eventstore:2113?tls=false' });
    expect(env.PPO_READ_MODELS).toBe('postgres://postgres@postgres:5432/ppo');
    expect(Object.keys(env)).toContain('PPO_AUTH_SECRET');
    expect(dependsOn(api)).toEqual({ eventstore: 'service_healthy', postgres: 'service_healthy' });
    for (const name of ['eventstore', 'postgres']) expect(compose.services[name].healthcheck).toBeDefined();
  });

  it('runs the projector from the same image with another command, on the API’s stores, and the API leaves the projections to it', () => {
    const { api, projector } = compose.services;
    expect(projector.image).toBe(api.image);
    expect((projector as { command?: string[] }).command?.join(' ')).toBe((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts['projector:prod']);
    expect(environment(api).PPO_PROJECTIONS).toBe('off');
    const env = environment(projector);
    expect([env.PPO_EVENT_STORE, env.PPO_READ_MODELS]).toEqual([environment(api).PPO_EVENT_STORE, environment(api).PPO_READ_MODELS]);
    expect(projector.healthcheck?.test).toEqual(expect.arrayContaining([expect.stringContaining(`http://127.0.0.1:${env.PPO_PORT}/health/live`)]));
    expect(dependsOn(projector)).toEqual({ eventstore: 'service_healthy', postgres: 'service_healthy' });
  });

  it('takes PPO_AUTH_SECRET from the environment (or .env), never from the file', () => {
    expect(read('docker-compose.yml')).toMatch(/PPO_AUTH_SECRET: "\$\{PPO_AUTH_SECRET:-\}"/);
    if (client) expect(environment(compose.services.api).PPO_AUTH_SECRET).toBe('a secret from the environment, long enough to sign');
  });

  it('has a cluster profile of three EventStoreDB nodes that gossip with each other, and an API given all three', () => {
    const cluster = composeConfig('cluster');
    const nodes = ['esdb-node1', 'esdb-node2', 'esdb-node3'];
    for (const node of nodes) {
      const service = cluster.services[node];
      expect(service.profiles).toEqual(['cluster']);
      expect(service.image).toBe(compose.services.eventstore.image);
      const env = environment(service);
      expect(env.EVENTSTORE_CLUSTER_SIZE).toBe('3');
      expect(env.EVENTSTORE_GOSSIP_SEED.split(',').sort()).toEqual(nodes.filter((n) => n !== node).map((n) => `${n}:2113`));
      expect(service.healthcheck).toBeDefined();
    }
    const api = cluster.services['api-cluster'];
    expect(api.profiles).toEqual(['cluster']);
    const env = environment(api);
    expect(env.PPO_EVENT_STORE).toBe('esdb://esdb-node1:2113,esdb-node2:2113,esdb-node3:2113?tls=false&nodePreference=leader');
    expect(env.PPO_READ_MODELS).toBe('postgres://postgres@postgres:5432/ppo');
    expect(dependsOn(api)).toEqual({ 'esdb-node1': 'service_healthy', 'esdb-node2': 'service_healthy', 'esdb-node3': 'service_healthy', postgres: 'service_healthy' });
  });
});

describe('the Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => /^[A-Z]+\s/.test(line));

  it('builds in one stage and runs from another, as an unprivileged user', () => {
    expect(instructions.filter((i) => i.startsWith('FROM '))).toEqual(['FROM ${NODE_IMAGE} AS build', 'FROM ${NODE_IMAGE} AS runtime']);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-/m);
    expect(instructions).toContain('RUN npm ci --no-audit --no-fund');
    expect(instructions.some((i) => i.startsWith('RUN npm run build'))).toBe(true);
    const runtime = instructions.slice(instructions.indexOf('FROM ${NODE_IMAGE} AS runtime'));
    expect(runtime.filter((i) => i.startsWith('USER '))).toEqual(['USER node']);
    expect(runtime.indexOf('USER node')).toBeLessThan(runtime.findIndex((i) => i.startsWith('CMD ')));
  });

  it('starts what npm run start:prod starts, and checks its health on /health/live', () => {
    const startProd = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts['start:prod'];
    const cmd = instructions.find((i) => i.startsWith('CMD '))!;
    expect(JSON.parse(cmd.slice(4)).join(' ')).toBe(startProd);
    expect(instructions.find((i) => i.startsWith('HEALTHCHECK '))).toMatch(/\/health\/live/);
    // The pages' templates and assets are read from apps/api at run time.
    expect(instructions).toEqual(expect.arrayContaining(['COPY --from=build /app/apps/api/views ./apps/api/views', 'COPY --from=build /app/apps/api/public ./apps/api/public']));
  });

  it('is given no local state, secrets or dependencies by the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.git', 'node_modules', 'dist', 'data', '**/*.db', '.env']) expect(ignored).toContain(entry);
  });
});

describe('the CI workflow', () => {
  const workflow = parse(read('.github/workflows/ci.yml')) as { jobs: Record<string, { steps: { run?: string; env?: Record<string, string> }[]; services?: Record<string, { image: string }> }> };

  it('runs the repository’s CI entry point, and the EventStoreDB contract suite against an EventStoreDB service', () => {
    expect(workflow.jobs.test.steps.map((s) => s.run)).toContain('bash .ci/run');
    const esdb = workflow.jobs.eventstoredb;
    expect(esdb.services?.eventstore.image).toMatch(/^eventstore\/eventstore:/);
    const suite = esdb.steps.find((s) => s.run === 'npm run test:int');
    expect(suite?.env).toEqual({ PPO_TEST_ESDB_URL: 'esdb://localhost:2113?tls=false' });
  });
});
