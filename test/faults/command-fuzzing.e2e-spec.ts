/**
 * 5,000 invalid bodies across every command route, found from the
 * application's controllers: each answers 4xx (never 5xx) and appends nothing.
 * Bodies are invalid by construction — a valid body with one field made wrong
 * (wrong type, out of range, missing, an unknown field), or JSON of any other
 * shape — and each is checked against the application's own validation
 * settings before it is sent, so "appends nothing" is a real property.
 */
import { AccessTokens, ROLES, roleGranting, type Role } from '@ppo/auth';
import * as fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { adoptedOffender, startTestApp, type TestApp } from '../support/test-app';
import { commandRoutes, passesValidation, propertiesOf, validBodyFor, type CommandRoute } from './support/command-routes';

const SEED = Number(process.env.PPO_FUZZ_SEED ?? 5000_7);
const RUNS = 5000;
const AREA = 'northumbria';

type Json = unknown;
type Path = string[];

/** A copy of a body with the value at a path replaced (as an own property, even `__proto__`), or removed when undefined; unchanged if the path leads nowhere. */
const setAt = (body: Record<string, unknown>, path: Path, value: Json | undefined): Record<string, unknown> => {
  const copy = structuredClone(body);
  let target: unknown = copy;
  for (const key of path.slice(0, -1)) target = (target as Record<string, unknown>)[key];
  if (target === null || typeof target !== 'object') return copy;
  if (value === undefined) delete (target as Record<string, unknown>)[path.at(-1)!];
  else Object.defineProperty(target, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
};

/** Each property of a body class, nested ones included, by path: its rules and constraints. */
function fieldsOf(dto: CommandRoute['dto'], prefix: Path = []): { path: Path; optional: boolean; rules: string[]; constraints: Record<string, unknown[]> }[] {
  return propertiesOf(dto).flatMap((p) => [
    { path: [...prefix, p.name], optional: p.optional, rules: p.rules, constraints: p.constraints },
    ...(p.nested ? fieldsOf(p.nested, [...prefix, p.name]) : []),
  ]);
}

/** Values of the wrong JSON type for most fields (those that happen to fit are filtered out before sending). */
const wrongType: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

/** Values of the right type but outside what the field's rules allow. */
function outOfRange(field: ReturnType<typeof fieldsOf>[number]): fc.Arbitrary<Json> {
  const maxLength = (field.constraints.maxLength?.[0] as number | undefined) ?? 200;
  const min = (field.constraints.min?.[0] as number | undefined) ?? 0;
  const max = (field.constraints.max?.[0] as number | undefined) ?? 100;
  const allowed = (field.constraints.isIn?.[0] as string[] | undefined) ?? ['x'];
  return fc.oneof(
    fc.constantFrom('2025-02-30', '2025-13-01', '2025-1-5', '20250115', '2025-01-15T10:00:00Z', '15/01/2025', '0000-00-00', '2025-01-15\n'),
    fc.constantFrom('', ' ', '\t\n', 'not-a-uuid', '0f3c2a1e-8d4b-4c6a-9e2f-1a2b3c4d5e6fz'),
    fc.constantFrom('x'.repeat(maxLength + 1), 'é'.repeat(maxLength + 1)),
    fc.constantFrom(min - 1, max + 1, min + 0.001, -0.5, 1e21, Number.MAX_SAFE_INTEGER + 2),
    fc.constantFrom(...allowed.flatMap((v) => [v.toUpperCase(), ` ${v}`, `${v}\u0000`])),
    fc.array(fc.constantFrom('x', ' ', ''), { minLength: 21, maxLength: 25 }),
  );
}

/** JSON text of another shape altogether: primitives, arrays, random objects, huge strings, deep nesting. */
const otherShapes: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.array(fc.jsonValue({ maxDepth: 2 })).map((v) => JSON.stringify(v)),
  fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })).map((v) => JSON.stringify(v)),
  fc.integer({ min: 1, max: 300_000 }).map((n) => JSON.stringify('x'.repeat(n))),
  fc.integer({ min: 1, max: 300_000 }).map((n) => JSON.stringify({ notes: 'x'.repeat(n) })),
  // Written as text: nesting this deep is beyond what JSON.stringify (and fast-check's reporting) will walk.
  fc.integer({ min: 100, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 100, max: 20_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
);

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];
/** Keys that poison an object's prototype if merged carelessly, at the top or inside a nested field. */
const pollution = fc.record({
  key: fc.constantFrom(...POLLUTION_KEYS),
  value: fc.constantFrom<Json>({ polluted: true }, { prototype: { polluted: true } }, 'polluted', [{ polluted: true }]),
});

interface Case {
  route: CommandRoute;
  kind: string;
  /** The body as sent. */
  json: string;
}

/** An invalid body for a route: a valid one with one thing wrong, or another shape, or a polluting key. */
function invalidBodyFor(route: CommandRoute): fc.Arbitrary<Case> {
  // In the caller's area, so that the access guard lets the body through to validation.
  const valid = { ...validBodyFor(route.dto), ...(route.areaField ? { [route.areaField]: AREA } : {}) };
  const fields = fieldsOf(route.dto);
  const required = fields.filter((f) => !f.optional);
  const field = fc.constantFrom(...fields);
  const objects = [[], ...fields.filter((f) => f.rules.includes('nestedValidation')).map((f) => f.path)];
  const at = (kind: string, body: fc.Arbitrary<Json>) => body.map((b) => ({ route, kind, json: JSON.stringify(b) }));
  return fc.oneof(
    at('wrong type', fc.tuple(field, wrongType).map(([f, v]) => setAt(valid, f.path, v))),
    at('out of range', field.chain((f) => outOfRange(f).map((v) => setAt(valid, f.path, v)))),
    at('missing', fc.constantFrom(...required).map((f) => setAt(valid, f.path, undefined))),
    at('unknown field', fc.tuple(fc.constantFrom(...objects), fc.string({ minLength: 1 }), fc.jsonValue({ maxDepth: 2 })).map(([path, key, v]) => setAt(valid, [...path, key], v))),
    otherShapes.map((json) => ({ route, kind: 'another shape', json })),
    at('polluting key', fc.tuple(fc.constantFrom(...objects), pollution, fc.option(fc.tuple(field, wrongType))).map(([path, p, wrong]) => setAt(wrong ? setAt(valid, wrong[0].path, wrong[1]) : valid, [...path, p.key], p.value))),
  );
}

jest.setTimeout(150_000);

describe('Fuzzing every command route with invalid bodies', () => {
  let t: TestApp;
  let routes: CommandRoute[];
  let url: string;
  let token: string;
  let offenderId: string;

  beforeAll(async () => {
    t = await startTestApp();
    routes = commandRoutes(t.app);
    offenderId = await adoptedOffender(t);
    // One user who may call every command route: for each permission, the first role that grants it.
    const roles = [...new Set(routes.map((r) => roleGranting(ROLES, r.permission)!))] as Role[];
    const fuzzer = await t.user(roles, [AREA], { username: 'fuzzer' });
    token = await t.app.get(AccessTokens).issue(fuzzer.account.id);
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('finds every command route, and a valid body for each that the application’s validation accepts', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(25);
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/offenders', '/api/offenders/:offenderId/lapses', '/api/offenders/:offenderId/restriction']));
    for (const route of routes) {
      expect({ path: route.path, valid: await passesValidation(route.dto, JSON.stringify(validBodyFor(route.dto))) }).toEqual({ path: route.path, valid: true });
    }
  });

  it('refuses a __proto__ or constructor key beside an otherwise valid body as an unknown field, and changes no prototype', async () => {
    const lapse = JSON.stringify({ occurredOn: '2026-11-01', kind: 'drug-use', severity: 'minor' }).slice(1);
    const head = await t.store.headPosition();
    for (const json of [`{"__proto__":{"polluted":true},${lapse}`, `{"constructor":{"prototype":{"polluted":true}},${lapse}`]) {
      const response = await fetch(`${url}/api/offenders/${offenderId}/lapses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: json,
      });
      expect({ status: response.status, code: ((await response.json()) as { code: string }).code }).toEqual({ status: 400, code: 'REQUEST.INVALID_BODY' });
    }
    expect(await t.store.headPosition()).toBe(head);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`answers ${RUNS} invalid bodies with 4xx and appends nothing (seed ${SEED})`, async () => {
    process.stdout.write(`Command fuzzing: seed ${SEED} (PPO_FUZZ_SEED=${SEED} repeats the run), ${routes.length} routes\n`);
    const tally = new Map<string, number>();
    // Routes whose validation was reached (400), rather than every body stopped before it.
    const validated = new Set<string>();
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes).chain(invalidBodyFor), async ({ route, kind, json }) => {
        fc.pre(!(await passesValidation(route.dto, json)));
        const path = route.path.replace(':offenderId', offenderId).replace(/:\w+/g, () => randomUUID());
        const head = await t.store.headPosition();
        const response = await fetch(`${url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: json,
        });
        const answer = await response.text();
        tally.set(`${kind} → ${response.status}`, (tally.get(`${kind} → ${response.status}`) ?? 0) + 1);
        if (response.status === 400) validated.add(route.path);
        expect({ status: response.status, appended: (await t.store.headPosition()) - head }).toEqual({ status: expect.any(Number), appended: 0 });
        if (response.status < 400 || response.status >= 500) throw new Error(`${route.path} (${kind}) answered ${response.status}: ${answer.slice(0, 500)}`);
      }),
      { numRuns: RUNS, seed: SEED, maxSkipsPerRun: 1 },
    );
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`Command fuzzing: ${RUNS} bodies in ${seconds.toFixed(1)} s: ${[...tally].sort().map(([k, n]) => `${k}: ${n}`).join(', ')}\n`);
    expect(routes.map((r) => r.path).filter((p) => !validated.has(p))).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });
});
