/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchChromium, listen, signInWithKeyboard } from '../support/chromium';
import { register, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * The every-page sweep sees the retention review with nothing due; here it is full: two pages of records due,
 * one of them restricted, and one under a legal hold, checked with axe-core and walked with the keyboard.
 */
describe('The retention review page, full, for the DPO', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let page: Page;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchChromium()]);
    baseUrl = await listen(t);
    const dpo = await t.user(['dpo'], [], { username: 'dee' });
    for (let n = 0; n < 27; n++) {
      const id = await register(t.http, { crn: `D1${String(n).padStart(5, '0')}`, familyName: `Deselected${n}`, registeredOn: '2017-01-09' });
      await t.supervisor.http.post(`/api/offenders/${id}/adoption`).send({ adoptedOn: '2017-02-06', reason: 'Panel decision' }).expect(200);
      const deselectedOn = `2019-${String((n % 12) + 1).padStart(2, '0')}-15`;
      await t.supervisor.http.post(`/api/offenders/${id}/deselection`).send({ deselectedOn, reason: 'stable-and-order-complete', exitPlan: { summary: 'Settled', voluntarySupport: [] } }).expect(200);
      if (n === 0) await dpo.http.post(`/api/offenders/${id}/legal-hold`).send({ reason: 'Inquiry' }).expect(200);
      if (n === 1) await dpo.http.post(`/api/offenders/${id}/restriction`).send({ reason: 'Accuracy contested' }).expect(200);
    }
    await t.projected();
    page = await (await browser.newContext()).newPage();
    await signInWithKeyboard(page, baseUrl, 'dee', TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('has no WCAG 2.2 AA violation on either page of records due, with the held list and a restricted record', async () => {
    await page.goto(`${baseUrl}/`);
    await Promise.all([page.waitForURL(/\/retention-review$/), page.getByRole('link', { name: 'Retention review' }).first().click()]);
    expect(await page.getByRole('table').first().locator('caption').innerText()).toContain('26 records due for review');
    expect(await page.getByText('Restricted', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('table').nth(1).locator('tbody tr').count()).toBe(1);
    const violations = await accessibilityViolations(page);

    await Promise.all([page.waitForURL(/page=2/), page.getByRole('link', { name: /Next/ }).first().click()]);
    expect(await page.getByRole('table').first().locator('tbody tr').count()).toBe(1);
    violations.push(...(await accessibilityViolations(page)));
    expect(violations).toEqual([]);
  });
});
