/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app';

/** Debian's Chromium (installed by .ci/run), never a downloaded browser. */
export const CHROMIUM_PATH = process.env.PPO_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, and quiet: no sandbox (CI containers), no GPU, and no calls home. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Starts the test app listening on a free local port, and gives its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** WCAG 2.2 A and AA, as axe-core checks them. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's violations on the page as it stands, as readable lines (none is the goal). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${page.url()}: ${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`));
}

/** Signs in through the sign-in page with the keyboard alone. */
export async function signInWithKeyboard(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.keyboard.press('Tab');
  // Tab through the page until the username box has focus, as a keyboard user would.
  for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== 'username'; i++) await page.keyboard.press('Tab');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.keyboard.press('Enter')]);
}
