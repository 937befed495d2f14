/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { accessibilityViolations, launchChromium, listen, signInWithKeyboard } from '../support/chromium';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('Signing in, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchChromium()]);
    baseUrl = await listen(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs a caseworker in with the keyboard alone, on pages axe finds no WCAG 2.2 AA fault in', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}/sign-in`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await signInWithKeyboard(page, baseUrl, 'casey', TEST_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.locator('body').innerText()).resolves.toContain('Signed in as Test casey');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the GOV.UK error summary, focused, when the password is wrong', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.fill('#username', 'casey');
    await page.fill('#password', 'not the right password');
    await page.click('button:has-text("Sign in")');
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    await expect(page.title()).resolves.toBe('Error: Sign in – PPO Journey');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('warns two minutes before an idle session ends, and keeps it alive on request', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.clock.install();
    await signInWithKeyboard(page, baseUrl, 'casey', TEST_PASSWORD);
    const warning = page.locator('#session-timeout-warning');
    await expect(warning.isVisible()).resolves.toBe(false);
    await page.clock.fastForward('13:01');
    await warning.waitFor({ state: 'visible' });
    await expect(warning.innerText()).resolves.toContain('You’re about to be signed out');
    expect(await accessibilityViolations(page)).toEqual([]);
    const keptAlive = page.waitForResponse((r) => r.url().endsWith('/session/keep-alive'));
    await page.click('[data-stay-signed-in]');
    expect((await keptAlive).status()).toBe(204);
    await warning.waitFor({ state: 'hidden' });
    await page.context().close();
  });

  it('works with JavaScript switched off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.fill('#username', 'casey');
    await page.fill('#password', TEST_PASSWORD);
    await Promise.all([page.waitForURL(`${baseUrl}/`), page.click('button:has-text("Sign in")')]);
    await expect(page.locator('h1').innerText()).resolves.toBeTruthy();
    await context.close();
  });
});
