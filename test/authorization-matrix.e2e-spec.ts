import type { Role } from '@ppo/auth';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { csrfOf, signedInBrowser } from './support/browser';
import { register, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

/**
 * Who may call what, written out here independently of the code's own table:
 * for each route, the roles that may call it and how its area is decided.
 * Routes are read from the application's router, so a route added without a
 * line here, or without an access rule in the code, fails this test.
 */
type Area =
  /** An offender in the path: outside the caller's areas it answers 404, unless the role reads every area. */
  | 'offender'
  /** An area in the body (registration): outside the caller's areas, 403. */
  | 'body'
  /** A list narrowed to the caller's areas: it must never show the other area's offender. */
  | 'list'
  | 'none';

interface Rule {
  /** Roles allowed; 'public' for anyone, signed in or not. */
  roles: Role[] | 'public';
  area: Area;
  /** What an allowed caller gets for the probe request (an empty body for commands: validation's 400). */
  allowed: number;
}

const CASEWORK: Role[] = ['caseworker', 'supervisor'];
const SUPERVISE: Role[] = ['supervisor'];
const READ_OFFENDER: Role[] = ['caseworker', 'supervisor', 'auditor', 'dpo'];
const CASE_LISTS: Role[] = ['caseworker', 'supervisor', 'auditor'];
const command = (roles: Role[]): Rule => ({ roles, area: 'offender', allowed: 400 });

const POLICY: Record<string, Rule> = {
  'POST /api/offenders': { roles: CASEWORK, area: 'body', allowed: 400 },
  'POST /api/offenders/:offenderId/adoption': command(SUPERVISE),
  'POST /api/offenders/:offenderId/deselection': command(SUPERVISE),
  'POST /api/offenders/:offenderId/strand-changes': command(SUPERVISE),
  'POST /api/offenders/:offenderId/supervision-team': command(CASEWORK),
  'POST /api/offenders/:offenderId/interventions': command(CASEWORK),
  'POST /api/offenders/:offenderId/interventions/:interventionId/completion': command(CASEWORK),
  'POST /api/offenders/:offenderId/reviews': command(CASEWORK),
  'POST /api/offenders/:offenderId/community-orders': command(CASEWORK),
  'POST /api/offenders/:offenderId/community-orders/:orderId/end': command(CASEWORK),
  'POST /api/offenders/:offenderId/court-fast-tracks': command(CASEWORK),
  'POST /api/offenders/:offenderId/needs': command(CASEWORK),
  'POST /api/offenders/:offenderId/contact-frequency/increases': command(CASEWORK),
  'POST /api/offenders/:offenderId/contact-frequency/reductions': command(CASEWORK),
  'POST /api/offenders/:offenderId/arrests': command(CASEWORK),
  'POST /api/offenders/:offenderId/contacts': command(CASEWORK),
  'POST /api/offenders/:offenderId/convictions': command(CASEWORK),
  'POST /api/offenders/:offenderId/court-outcomes': command(CASEWORK),
  'POST /api/offenders/:offenderId/harm-indicators': command(CASEWORK),
  'POST /api/offenders/:offenderId/lapses': command(CASEWORK),
  'POST /api/offenders/:offenderId/custody': command(CASEWORK),
  'POST /api/offenders/:offenderId/custody/release': command(CASEWORK),
  'POST /api/offenders/:offenderId/events/:eventId/retractions': command(CASEWORK),
  'POST /api/offenders/:offenderId/events/:eventId/rectifications': command(CASEWORK),
  'POST /api/offenders/:offenderId/restriction': command(['dpo']),
  'POST /api/offenders/:offenderId/restriction/lifting': command(['dpo']),
  'POST /api/offenders/:offenderId/legal-hold': command(['dpo']),
  'POST /api/offenders/:offenderId/legal-hold/release': command(['dpo']),
  'POST /api/offenders/:offenderId/erasure': command(['dpo']),
  'GET /api/offenders/:offenderId': { roles: READ_OFFENDER, area: 'offender', allowed: 200 },
  'GET /api/offenders/:offenderId/events': { roles: READ_OFFENDER, area: 'offender', allowed: 200 },
  // Without the required asAt: validation's 400 once access is granted.
  'GET /api/offenders/:offenderId/state': { roles: READ_OFFENDER, area: 'offender', allowed: 400 },
  'GET /api/offenders': { roles: CASE_LISTS, area: 'list', allowed: 200 },
  'GET /api/reports/eligibility': { roles: CASE_LISTS, area: 'list', allowed: 200 },
  'GET /api/reports/contacts-due': { roles: CASE_LISTS, area: 'list', allowed: 200 },
  'GET /api/reports/activity': { roles: ['supervisor', 'auditor'], area: 'list', allowed: 200 },
  'GET /api/reports/caseloads': { roles: ['supervisor', 'auditor', 'analyst'], area: 'list', allowed: 200 },
  'GET /api/reports/scheme-summary': { roles: ['caseworker', 'supervisor', 'auditor', 'analyst'], area: 'list', allowed: 200 },
  'GET /api/reports/retention-review': { roles: ['auditor', 'dpo'], area: 'list', allowed: 200 },
  'GET /api/projections': { roles: ['admin', 'auditor'], area: 'none', allowed: 200 },
  'GET /api/audit/verify': { roles: ['auditor'], area: 'none', allowed: 200 },
  'GET /api/audit/access-log': { roles: ['auditor'], area: 'none', allowed: 200 },
  'GET /api/offenders/:offenderId/subject-access-export': { roles: ['dpo'], area: 'offender', allowed: 200 },
  // An unknown projection: allowed callers learn it does not exist, others are refused first.
  'POST /api/projections/:name/rebuild': { roles: ['admin'], area: 'none', allowed: 404 },
  'POST /api/auth/token': { roles: 'public', area: 'none', allowed: 400 },
};

/** The slugs of the command forms (`/offenders/:offenderId/<slug>`); the first three are for supervisors. */
const SUPERVISE_FORMS = ['adopt-offender', 'deselect-offender', 'change-strand'];
const CASEWORK_FORMS = [
  'record-conviction', 'record-arrest', 'record-harm-indicator', 'assign-supervision-team', 'record-contact', 'reduce-contact-frequency',
  'increase-contact-frequency', 'identify-need', 'start-intervention', 'complete-intervention', 'record-lapse', 'fast-track-to-court',
  'record-court-outcome', 'start-custody', 'release-from-custody', 'start-community-order', 'end-community-order', 'complete-review',
];
/** The DPO's forms; and the corrections' forms, about one event of the record (`/offenders/:offenderId/<slug>/:eventId`). */
const RESTRICT_FORMS = ['restrict-processing', 'lift-restriction', 'place-legal-hold', 'release-legal-hold', 'erase-personal-data'];
const CORRECTION_FORMS = ['retract-event', 'rectify-event'];
const formRules = (slugs: string[], roles: Role[]): [string, PageRule][] =>
  slugs.flatMap((slug) => [
    [`GET /offenders/:offenderId/${slug}`, { roles, area: 'offender', allowed: 200 }],
    // An empty form: the form's own validation answers once access is granted.
    [`POST /offenders/:offenderId/${slug}`, { roles, area: 'offender', allowed: 400 }],
  ]);

interface PageRule {
  /** Roles allowed; 'signed-in' for any signed-in user. */
  roles: Role[] | 'signed-in';
  area: Area;
  allowed: number;
}

/** Who may use which page, signed in with a browser session (the same permissions as the API). */
const PAGE_POLICY: Record<string, PageRule> = {
  'GET /': { roles: 'signed-in', area: 'none', allowed: 200 },
  'GET /session/keep-alive': { roles: 'signed-in', area: 'none', allowed: 204 },
  'GET /offenders': { roles: CASE_LISTS, area: 'list', allowed: 200 },
  'GET /offenders/:offenderId': { roles: READ_OFFENDER, area: 'offender', allowed: 200 },
  'GET /offenders/:offenderId/replay': { roles: READ_OFFENDER, area: 'offender', allowed: 200 },
  'GET /audit': { roles: ['auditor'], area: 'none', allowed: 303 },
  'GET /audit/access-log': { roles: ['auditor'], area: 'none', allowed: 200 },
  'GET /eligibility': { roles: CASE_LISTS, area: 'list', allowed: 200 },
  'GET /contacts-due': { roles: CASE_LISTS, area: 'list', allowed: 200 },
  'GET /retention-review': { roles: ['auditor', 'dpo'], area: 'list', allowed: 200 },
  'GET /caseloads': { roles: ['supervisor', 'auditor', 'analyst'], area: 'list', allowed: 200 },
  'GET /dashboard': { roles: ['caseworker', 'supervisor', 'auditor', 'analyst'], area: 'list', allowed: 200 },
  'GET /projections': { roles: ['admin', 'auditor'], area: 'none', allowed: 200 },
  'POST /projections/:name/rebuild': { roles: ['admin'], area: 'none', allowed: 404 },
  'GET /offenders/new': { roles: CASEWORK, area: 'none', allowed: 200 },
  'POST /offenders/new': { roles: CASEWORK, area: 'body', allowed: 400 },
  ...Object.fromEntries(formRules(SUPERVISE_FORMS, SUPERVISE)),
  ...Object.fromEntries(formRules(CASEWORK_FORMS, CASEWORK)),
  ...Object.fromEntries(formRules(RESTRICT_FORMS, ['dpo'])),
  // The probe's event is made up: those allowed learn it is not there, as for an unknown projection.
  ...Object.fromEntries(CORRECTION_FORMS.flatMap((slug) => ['GET', 'POST'].map((method) => [`${method} /offenders/:offenderId/${slug}/:eventId`, { roles: CASEWORK, area: 'offender', allowed: 404 }]))),
  'GET /offenders/:offenderId/subject-access': { roles: ['dpo'], area: 'offender', allowed: 200 },
};

/** Pages answer the API's bearer-token callers as anonymous visitors: these are what any such caller gets. */
const PAGES: Record<string, number> = {
  // Signed-in pages send an anonymous visitor to sign in; their forms refuse a post without the session's CSRF token.
  ...Object.fromEntries(Object.keys(PAGE_POLICY).map((route) => [route, route.startsWith('GET') ? 303 : 403])),
  'GET /': 303,
  'GET /sign-in': 200,
  'POST /sign-in': 403,
  'POST /sign-out': 403,
  'GET /signed-out': 200,
  'GET /setup/:token': 404,
  'POST /setup/:token': 403,
  // Operations' probes: public, and free of offender data.
  'GET /health/live': 200,
  'GET /health/ready': 200,
  'GET /metrics': 200,
};

/** OpenAPI documentation is public. */
const DOCS = /^GET \/api\/docs/;

const ROLES: Role[] = ['caseworker', 'supervisor', 'auditor', 'analyst', 'dpo', 'admin'];
const ALL_AREAS: Role[] = ['auditor', 'dpo', 'admin'];

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

// Every route for every role, with a signed-in browser for each page: a few seconds of requests.
jest.setTimeout(120_000);

describe('Authorization matrix: every route, every role, in and out of area', () => {
  let t: TestApp;
  let routes: string[];
  const offenders = { in: '', out: '' };
  const outCrn = 'Z999999';

  beforeAll(async () => {
    t = await startTestApp();
    offenders.in = await register(t.http);
    const cumbrian = await t.user(['caseworker'], ['cumbria']);
    offenders.out = await register(cumbrian.http, { area: 'cumbria', crn: outCrn, familyName: 'Elsewhere' });
    await t.projected();
    const stack = (t.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } }).router.stack;
    // Nest mounts module middleware as catch-all '{/*splat}' layers; they are not endpoints.
    routes = stack.flatMap((layer) =>
      layer.route && layer.route.path !== '{/*splat}' ? Object.keys(layer.route.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${layer.route!.path}`) : [],
    );
  });
  afterAll(() => t.close());

  it('has an expectation for every route the application serves', () => {
    expect(routes.length).toBeGreaterThan(35);
    const unlisted = routes.filter((r) => !(r in POLICY) && !(r in PAGES) && !DOCS.test(r));
    expect(unlisted).toEqual([]);
    const stale = Object.keys({ ...POLICY, ...PAGES }).filter((r) => !routes.includes(r));
    expect(stale).toEqual([]);
  });

  const path = (template: string, offenderId: string) =>
    template
      .replace(':offenderId', offenderId)
      .replace(':interventionId', randomUUID())
      .replace(':orderId', randomUUID())
      .replace(':eventId', randomUUID())
      .replace(':name', 'no-such-projection')
      .replace(':token', 'not-the-setup-token');

  async function call(agent: request.Agent | ReturnType<typeof request>, route: string, where: 'in' | 'out') {
    const [method, template] = route.split(' ');
    const url = path(template, offenders[where]);
    const body = route === 'POST /api/offenders' ? { area: where === 'in' ? 'northumbria' : 'cumbria' } : {};
    return method === 'GET' ? agent.get(url) : agent.post(url).send(body);
  }

  it('answers every role, in and out of its area, as the policy says', async () => {
    const agents = new Map<Role, request.Agent>();
    for (const role of ROLES) agents.set(role, (await t.user([role], ['northumbria'])).http);
    const mismatches: string[] = [];
    for (const [route, rule] of Object.entries(POLICY)) {
      for (const role of ROLES) {
        for (const where of ['in', 'out'] as const) {
          const response = await call(agents.get(role)!, route, where);
          const allowed = rule.roles === 'public' || rule.roles.includes(role);
          let expected = allowed ? rule.allowed : 403;
          if (allowed && where === 'out' && !ALL_AREAS.includes(role)) {
            if (rule.area === 'offender') expected = 404;
            if (rule.area === 'body') expected = 403;
          }
          if (response.status !== expected) mismatches.push(`${route} as ${role} (${where} of area): ${response.status}, expected ${expected}`);
          if (response.status === 403 && response.body.code !== 'AUTH.FORBIDDEN' && response.body.code !== 'AUTH.AREA_FORBIDDEN') {
            mismatches.push(`${route} as ${role}: 403 with code ${response.body.code}`);
          }
          const seesOtherArea = response.text.includes(offenders.out) || response.text.includes(outCrn);
          if (rule.area === 'list' && allowed && !ALL_AREAS.includes(role) && seesOtherArea) {
            mismatches.push(`${route} as ${role} shows an offender of another area`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses every route but the public ones to a caller with no token, with 401 and how to sign in', async () => {
    const mismatches: string[] = [];
    for (const [route, rule] of Object.entries(POLICY)) {
      const response = await call(t.anonymous, route, 'in');
      const expected = rule.roles === 'public' ? rule.allowed : 401;
      if (response.status !== expected) mismatches.push(`${route}: ${response.status}, expected ${expected}`);
      if (expected === 401 && response.headers['www-authenticate'] !== 'Bearer realm="ppo-journey"') mismatches.push(`${route}: no WWW-Authenticate`);
    }
    for (const [route, expected] of Object.entries(PAGES)) {
      const response = await call(t.anonymous, route, 'in');
      if (response.status !== expected) mismatches.push(`${route}: ${response.status}, expected ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('answers every role on every page, signed in with a session, in and out of its area, as the policy says', async () => {
    const browsers = new Map<Role, { agent: request.Agent; csrf: string }>();
    for (const role of ROLES) {
      const user = await t.user([role], ['northumbria'], { username: `page-${role}` });
      const agent = await signedInBrowser(t.app.getHttpServer(), user.account.username, TEST_PASSWORD);
      browsers.set(role, { agent, csrf: csrfOf((await agent.get('/').expect(200)).text)! });
    }
    const mismatches: string[] = [];
    for (const [route, rule] of Object.entries(PAGE_POLICY)) {
      const [method, template] = route.split(' ');
      for (const role of ROLES) {
        for (const where of ['in', 'out'] as const) {
          const { agent, csrf } = browsers.get(role)!;
          const url = path(template, offenders[where]);
          const body = { _csrf: csrf, ...(route === 'POST /offenders/new' ? { area: where === 'in' ? 'northumbria' : 'cumbria' } : {}) };
          const response = method === 'GET' ? await agent.get(url) : await agent.post(url).type('form').send(body);
          const allowed = rule.roles === 'signed-in' || rule.roles.includes(role);
          let expected = allowed ? rule.allowed : 403;
          if (allowed && where === 'out' && !ALL_AREAS.includes(role)) {
            if (rule.area === 'offender') expected = 404;
            if (rule.area === 'body') expected = 403;
          }
          if (response.status !== expected) mismatches.push(`${route} as ${role} (${where} of area): ${response.status}, expected ${expected}`);
          if (rule.area === 'list' && allowed && !ALL_AREAS.includes(role) && (response.text.includes(offenders.out) || response.text.includes(outCrn))) {
            mismatches.push(`${route} as ${role} shows an offender of another area`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lets auditors read offenders of every area while their lists show both', async () => {
    const auditor = (await t.user(['auditor'], [])).http;
    const { body } = await auditor.get('/api/offenders').expect(200);
    expect(body.items.map((i: { offenderId: string }) => i.offenderId).sort()).toEqual([offenders.in, offenders.out].sort());
  });
});
