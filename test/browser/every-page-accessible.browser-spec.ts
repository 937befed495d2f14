/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchChromium, listen, signInWithKeyboard } from '../support/chromium';
import { adoptedOffender, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

jest.setTimeout(300_000);

/**
 * axe-core over every page the application serves, read from its router, as
 * a user whose roles open them all; and over the states a page can be in
 * (a form's errors, not found, forbidden, signed out).
 */
describe('Every page, checked with axe-core for WCAG 2.2 AA', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let page: Page;
  let offenderId: string;
  let lapseEventId: string;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchChromium()]);
    baseUrl = await listen(t);
    offenderId = await adoptedOffender(t, { registeredOn: '2026-01-05' });
    // Something to pick on every form that picks: a lapse, an open intervention, an open order.
    await t.http.post(`/api/offenders/${offenderId}/lapses`).send({ occurredOn: '2026-11-10', kind: 'drug-use', severity: 'minor' }).expect(200);
    await t.http.post(`/api/offenders/${offenderId}/interventions`).send({ name: 'Drug treatment', startedOn: '2026-08-01' }).expect(200);
    await t.http.post(`/api/offenders/${offenderId}/community-orders`).send({ startedOn: '2026-07-01', endsOn: '2027-07-01' }).expect(200);
    // A fact to retract or correct: the lapse.
    lapseEventId = (await t.store.readStream(`offender-${offenderId}`)).find((e) => e.type === 'LapseOccurred')!.eventId;
    await t.projected();
    await t.user(['supervisor', 'auditor', 'admin', 'dpo'], ['northumbria'], { username: 'everything' });
    page = await (await browser.newContext()).newPage();
    await signInWithKeyboard(page, baseUrl, 'everything', TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('finds no violation on any page the router serves', async () => {
    const stack = (t.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } }).router.stack;
    const pages = stack
      // Nest mounts module middleware as '{/*splat}' layers; they are not pages.
      .filter((l) => l.route?.methods.get && l.route.path.startsWith('/') && !l.route.path.startsWith('/api') && !l.route.path.includes(':token'))
      // Health and metrics answer machines in JSON and text, not people.
      .filter((l) => !/^\/(health|metrics)\b/.test(l.route!.path))
      .map((l) => l.route!.path.replace(':offenderId', offenderId).replace(':eventId', lapseEventId));
    // The subject access copy itself, beyond the question before it.
    pages.push(`/offenders/${offenderId}/subject-access?recipient=The+data+subject`);
    expect(pages.length).toBeGreaterThan(25);
    const violations: string[] = [];
    const failures: string[] = [];
    for (const path of pages) {
      if (/:\w+/.test(path) || path === '/session/keep-alive') continue;
      const response = await page.goto(`${baseUrl}${path}`);
      if (response?.status() !== 200) failures.push(`${path}: ${response?.status()}`);
      violations.push(...(await accessibilityViolations(page)));
    }
    expect(failures).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('finds none on a form showing its errors, on not found and forbidden pages, or once signed out', async () => {
    const violations: string[] = [];
    await page.goto(`${baseUrl}/offenders/${offenderId}/record-contact`);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save', exact: true }).click()]);
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    violations.push(...(await accessibilityViolations(page)));
    await page.goto(`${baseUrl}/offenders/00000000-0000-4000-8000-000000000000`);
    violations.push(...(await accessibilityViolations(page)));
    const caseworker = await (await browser.newContext()).newPage();
    await signInWithKeyboard(caseworker, baseUrl, 'casey', TEST_PASSWORD);
    expect((await caseworker.goto(`${baseUrl}/projections`))?.status()).toBe(403);
    violations.push(...(await accessibilityViolations(caseworker)));
    await caseworker.goto(`${baseUrl}/signed-out?reason=timeout`);
    violations.push(...(await accessibilityViolations(caseworker)));
    await caseworker.context().close();
    expect(violations).toEqual([]);
  });

  it('prints the subject access copy as its content alone, each section from a new page', async () => {
    await page.goto(`${baseUrl}/offenders/${offenderId}/subject-access?recipient=The+data+subject`);
    await page.emulateMedia({ media: 'print' });
    const shown = async (selector: string) => page.locator(selector).first().isVisible();
    expect({ header: await shown('.govuk-header'), navigation: await shown('.govuk-service-navigation'), back: await shown('.govuk-back-link') }).toEqual({ header: false, navigation: false, back: false });
    expect(await shown('h1')).toBe(true);
    const breaks = await page.locator('.app-print-section').evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
    expect(breaks).toEqual(['page', 'page', 'page', 'page']);
    await page.emulateMedia({ media: 'screen' });
  });
});
