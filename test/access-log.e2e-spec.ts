import { ModulesContainer } from '@nestjs/core';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ACCESS_RULE, type AccessRule } from '@ppo/auth';
import { ALTERING, CONSULTING, SqliteAccessLog } from '@ppo/audit';
import request from 'supertest';
import { signedInBrowser } from './support/browser';
import { adoptedOffender, register, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

interface DeclaredRoute {
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

/** Every route the application declares, with its access rule, read from the controllers themselves. */
function declaredRoutes(t: TestApp): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  const controllers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
  for (const wrapper of controllers) {
    const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!type) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
    for (const name of Object.getOwnPropertyNames(type.prototype)) {
      const handler = (type.prototype as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
      routes.push({ method, path, rule: Reflect.getMetadata(ACCESS_RULE, handler) ?? Reflect.getMetadata(ACCESS_RULE, type) });
    }
  }
  return routes;
}

const readsOffenderData = (r: DeclaredRoute) =>
  r.method === 'GET' && !!r.rule && 'permission' in r.rule && (CONSULTING.includes(r.rule.permission) || ALTERING.includes(r.rule.permission));

describe('The s.62 access log: every consultation, disclosure and alteration, by whom', () => {
  let t: TestApp;
  let offenderId: string;
  let candidateId: string;
  beforeAll(async () => {
    t = await startTestApp();
    offenderId = await adoptedOffender(t);
    // Eligible but not adopted, so the eligibility list names someone.
    candidateId = await register(t.http, { crn: 'C246810' });
    for (let month = 5; month <= 10; month++) {
      await t.http.post(`/api/offenders/${candidateId}/convictions`).send({ offence: 'burglary', offenceDate: `2026-${String(month).padStart(2, '0')}-01`, convictionDate: `2026-${String(month).padStart(2, '0')}-15`, court: 'Newcastle' }).expect(200);
    }
    await t.projected();
  });
  afterAll(() => t.close());

  it('logs a call to every route that reads offender data, with the caller and the offender', async () => {
    const routes = declaredRoutes(t).filter(readsOffenderData);
    expect(routes.length).toBeGreaterThanOrEqual(8);
    const reader = await t.user(['supervisor', 'auditor', 'dpo'], ['northumbria'], { username: 'reader' });
    const browser = await signedInBrowser(t.app.getHttpServer(), 'reader', TEST_PASSWORD);
    const log = t.app.get(SqliteAccessLog);
    const unlogged: string[] = [];
    for (const route of routes) {
      const url = route.path.replace(':offenderId', offenderId);
      if (/:\w+/.test(url)) continue;
      const before = log.search({ pageSize: 1 }).total;
      const client = url.startsWith('/api/') ? reader.http : browser;
      const response = await client.get(url).query(route.path.endsWith('/state') ? { asAt: '2026-11-20' } : {});
      if (response.status !== 200) {
        unlogged.push(`${route.method} ${route.path}: answered ${response.status}`);
        continue;
      }
      const { entries, total } = log.search({ pageSize: 1 });
      const entry = entries[0];
      const shown = [offenderId, candidateId].filter((id) => response.text.includes(id));
      // A subject access export is made to be handed over: a disclosure, named recipient or not.
      const kind = route.path.endsWith('/subject-access-export') ? 'disclosure' : 'consultation';
      if (shown.length === 0) {
        // Nobody's data was shown (a blank registration form): nothing to log.
        if (total !== before) unlogged.push(`${route.method} ${route.path}: logged although it showed no one`);
      } else if (total !== before + 1 || entry.userId !== reader.account.id || entry.kind !== kind) {
        unlogged.push(`${route.method} ${route.path}: ${total - before} entries, last by ${entry?.username} (${entry?.kind})`);
      } else if (!shown.every((id) => entry.subjects.includes(id))) {
        unlogged.push(`${route.method} ${route.path}: the entry does not name everyone shown`);
      }
    }
    expect(unlogged).toEqual([]);
  });

  it('logs a CSV export as a disclosure, with the recipient and purpose given', async () => {
    const response = await t.http
      .get('/api/reports/contacts-due')
      .query({ format: 'csv' })
      .set('X-Disclosure-Recipient', 'Northumbria Police intelligence unit')
      .set('X-Access-Purpose', 'Weekly partnership meeting')
      .expect(200);
    expect(response.text).toContain(offenderId);
    const [entry] = t.app.get(SqliteAccessLog).search({ pageSize: 1 }).entries;
    expect(entry).toMatchObject({
      kind: 'disclosure',
      userId: t.caseworker.id,
      route: 'GET /api/reports/contacts-due',
      subjects: [offenderId],
      recipient: 'Northumbria Police intelligence unit',
      purpose: 'Weekly partnership meeting',
    });
  });

  it('logs a command as an alteration, and nothing for a refused one', async () => {
    const log = t.app.get(SqliteAccessLog);
    const before = log.search({ pageSize: 1 }).total;
    await t.http.post(`/api/offenders/${offenderId}/contacts`).send({ contactOn: '2026-11-19', kind: 'office', outcome: 'attended' }).expect(200);
    await t.http.post(`/api/offenders/${offenderId}/contacts`).send({ contactOn: 'not a date' }).expect(400);
    const { entries, total } = log.search({ pageSize: 1 });
    expect(total).toBe(before + 1);
    expect(entries[0]).toMatchObject({ kind: 'alteration', username: 'casey', role: 'caseworker', route: 'POST /api/offenders/:offenderId/contacts', subjects: [offenderId] });
  });

  it('lets an auditor search it by subject and user, and proves it has not been edited', async () => {
    const auditor = (await t.user(['auditor'], [])).http;
    const bySubject = (await auditor.get('/api/audit/access-log').query({ subject: offenderId, user: 'casey' }).expect(200)).body;
    expect(bySubject.total).toBeGreaterThanOrEqual(2);
    expect(bySubject.entries.every((e: { username: string; subjects: string[] }) => e.username === 'casey' && e.subjects.includes(offenderId))).toBe(true);
    const verified = (await auditor.get('/api/audit/verify').expect(200)).body;
    expect(verified.accessLog).toMatchObject({ ok: true, firstBreak: null });
    expect(verified.accessLog.entries).toBeGreaterThan(5);
    await auditor.get('/api/audit/access-log').query({ subject: 'not-an-id' }).expect(400);
    await t.http.get('/api/audit/access-log').expect(403);
  });

  it('logs an auditor’s own search with its filters, never inside its own results, and the chain still verifies', async () => {
    const auditor = await t.user(['auditor'], [], { username: 'searcher' });
    const log = t.app.get(SqliteAccessLog);
    const before = log.search({ pageSize: 1 }).total;
    const found = (await auditor.http.get('/api/audit/access-log').query({ subject: offenderId, user: 'casey' }).set('X-Access-Purpose', 'Quarterly audit').expect(200)).body;
    expect(found.entries.length).toBeGreaterThan(0);
    expect(found.entries.some((e: { username: string }) => e.username === 'searcher')).toBe(false);
    const { entries, total } = log.search({ pageSize: 1 });
    expect(total).toBe(before + 1);
    expect(entries[0]).toMatchObject({
      kind: 'search',
      username: 'searcher',
      role: 'auditor',
      route: 'GET /api/audit/access-log',
      url: `/api/audit/access-log?subject=${offenderId}&user=casey`,
      subjects: [offenderId],
      purpose: 'Quarterly audit',
    });

    // A search names the offender searched for, never those the entries it found are about.
    await auditor.http.get('/api/audit/access-log').expect(200);
    expect(log.search({ pageSize: 1 }).entries[0]).toMatchObject({ kind: 'search', url: '/api/audit/access-log', subjects: [] });
    // Searches are found by later ones, one entry each, and the chain holds.
    expect((await auditor.http.get('/api/audit/access-log').query({ user: 'searcher' }).expect(200)).body.total).toBe(2);
    expect((await auditor.http.get('/api/audit/verify').expect(200)).body.accessLog).toMatchObject({ ok: true, entries: before + 3, firstBreak: null });
    // A refused search, like a check of the chain, writes nothing.
    await auditor.http.get('/api/audit/access-log').query({ subject: 'not-an-id' }).expect(400);
    expect(log.search({ pageSize: 1 }).total).toBe(before + 3);
  });

  it('reports an entry edited behind its back', () => {
    const log = new SqliteAccessLog(':memory:');
    for (let i = 0; i < 3; i++) log.append({ at: `2026-11-2${i}T10:00:00Z`, kind: 'consultation', userId: 'u', username: 'u', role: 'auditor', route: 'GET /x', url: '/x', subjects: ['s'], correlationId: 'c' });
    const db = (log as unknown as { db: import('better-sqlite3').Database }).db;
    db.exec("DROP TRIGGER access_log_is_never_updated; UPDATE access_log SET username = 'someone-else' WHERE sequence = 2");
    expect(log.verify()).toEqual({ ok: false, entries: 1, firstBreak: { sequence: 2, problem: 'its content does not match its hash: the entry was altered' } });
    log.close();
  });
});
