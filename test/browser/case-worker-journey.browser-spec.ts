/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchChromium, listen } from '../support/chromium';
import { keyboardDriver, mouseDriver, type Driver } from '../support/journey-driver';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

/** The text of a table's row, found by the table's caption and the row's heading. */
async function tableRow(page: Page, caption: RegExp, rowHeading: string): Promise<string[]> {
  return page.evaluate(
    ({ caption, flags, rowHeading }) => {
      const table = [...document.querySelectorAll('table')].find((t) => new RegExp(caption, flags).test(t.caption?.textContent ?? ''));
      const row = [...(table?.querySelectorAll('tbody tr') ?? [])].find((r) => r.querySelector('th')?.textContent?.trim() === rowHeading);
      return row ? [...row.querySelectorAll('td')].map((td) => td.textContent!.trim()) : [];
    },
    { caption: caption.source, flags: caption.flags, rowHeading },
  );
}

const text = (page: Page) => page.locator('main').innerText();

interface Run {
  name: string;
  javaScript: boolean;
  drive: (page: Page, baseUrl: string, onPage: (page: Page) => Promise<void>) => Driver;
}

const RUNS: Run[] = [
  { name: 'with a mouse, checking every page with axe', javaScript: true, drive: mouseDriver },
  { name: 'with the keyboard alone', javaScript: true, drive: keyboardDriver },
  { name: 'with JavaScript switched off', javaScript: false, drive: mouseDriver },
];

// Each run drives a real browser through dozens of pages.
jest.setTimeout(300_000);

describe.each(RUNS)('A case worker’s journey in Chromium, $name', ({ javaScript, drive }) => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  const contexts: BrowserContext[] = [];
  const violations: string[] = [];
  const visited = new Set<string>();
  /** The offender the journey registered. */
  let offenderPath = '';
  const checkPage = async (page: Page) => {
    const path = new URL(page.url()).pathname;
    visited.add(path);
    // axe needs JavaScript in the page; the runs without it check the same pages the first run did.
    if (javaScript) violations.push(...(await accessibilityViolations(page)));
  };

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchChromium()]);
    baseUrl = await listen(t);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  async function signIn(username: string): Promise<Driver> {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    contexts.push(context);
    const driver = drive(await context.newPage(), baseUrl, checkPage);
    await driver.open('/sign-in');
    await driver.answer([
      { text: 'username', value: username },
      { text: 'password', value: TEST_PASSWORD },
    ]);
    await driver.submit('Sign in');
    return driver;
  }

  it('registers, convicts, finds eligible, adopts, supervises, reduces contact, records a lapse and fast-tracks to court, seeing the record change at each step', async () => {
    const caseworker = await signIn('casey');
    const supervisor = await signIn('supervisor');
    const page = caseworker.page;

    await caseworker.follow('Offenders');
    await caseworker.follow('Register an offender');
    await caseworker.answer([
      { text: 'crn', value: 'J123456' },
      { text: 'givenName', value: 'Jordan' },
      { text: 'familyName', value: 'Journey' },
      { date: 'dateOfBirth', value: '1994-05-17' },
      { date: 'registeredOn', value: '2026-01-05' },
    ]);
    await caseworker.submit('Register');
    offenderPath = new URL(page.url()).pathname;
    expect(offenderPath).toMatch(/^\/offenders\/[0-9a-f-]{36}$/);
    expect(await text(page)).toContain('Jordan Journey');
    expect(await text(page)).toContain('Not on the scheme');

    for (let month = 1; month <= 6; month++) {
      await caseworker.follow('Record a conviction');
      await caseworker.answer([
        { select: 'offence', option: 'Theft from shops' },
        { date: 'offenceDate', value: `2026-0${month}-02` },
        { date: 'convictionDate', value: `2026-0${month}-20` },
        { text: 'court', value: 'Newcastle Magistrates’ Court' },
      ]);
      await caseworker.submit('Save');
      expect(new URL(page.url()).pathname).toBe(offenderPath);
      expect(await page.locator('.moj-timeline__title').filter({ hasText: 'Conviction recorded' }).count()).toBe(month);
    }

    await t.projected();
    await caseworker.follow('Eligibility');
    const eligibility = await text(page);
    expect(eligibility).toContain('Journey');
    expect(eligibility).toMatch(/6 of 6|score 6|6\b/);

    // Adoption is a supervisor's decision.
    await supervisor.open(offenderPath);
    await supervisor.follow('Adopt onto the scheme');
    await supervisor.answer([{ date: 'adoptedOn', value: '2026-07-01' }]);
    await supervisor.submit('Save');
    expect(await text(supervisor.page)).toContain('Strand: Rehabilitate and resettle');
    expect(await text(supervisor.page)).toContain('Intensity: Intensive');
    await t.projected();
    await supervisor.follow('Dashboard');
    expect(await tableRow(supervisor.page, /Adoptions and deselections/, 'July 2026')).toEqual(['1', '0']);

    await caseworker.open(offenderPath);
    await caseworker.follow('Assign a supervision team');
    await caseworker.answer([
      { text: 'probationOfficer', value: 'PO Jones' },
      { text: 'policeOfficer', value: 'PC Patel' },
      { date: 'assignedOn', value: '2026-07-02' },
    ]);
    await caseworker.submit('Save');
    expect(await text(page)).toContain('PO Jones');

    for (const [contactOn, kind] of [['2026-07-03', 'Office'], ['2026-07-07', 'Home visit']]) {
      await caseworker.follow('Record a contact');
      await caseworker.answer([
        { date: 'contactOn', value: contactOn },
        { radio: 'kind', label: kind },
        { radio: 'outcome', label: 'Yes, they attended' },
      ]);
      await caseworker.submit('Save');
    }
    expect(await page.locator('.moj-timeline__title').filter({ hasText: 'Contact recorded' }).count()).toBe(2);

    await caseworker.follow('Reduce contact');
    await caseworker.answer([
      { text: 'contactsPerWeek', value: '2' },
      { text: 'reason', value: 'Stable for six weeks, attending every contact' },
      { date: 'effectiveOn', value: '2026-08-15' },
    ]);
    await caseworker.submit('Save');
    expect(await text(page)).not.toContain('Intensity: Intensive');
    expect(await page.locator('.moj-timeline__title').filter({ hasText: 'Contact reduced' }).count()).toBe(1);

    await caseworker.follow('Record a lapse');
    await caseworker.answer([
      { date: 'occurredOn', value: '2026-11-10' },
      { radio: 'kind', label: 'Drug use' },
      { radio: 'severity', label: 'Minor' },
    ]);
    await caseworker.submit('Save');
    expect(await text(page)).toContain('Escalated after a lapse');

    await caseworker.follow('Fast-track to court');
    await caseworker.answer([
      { radio: 'lapseId', label: 'Minor lapse (drug use) on 10 November 2026' },
      { date: 'fastTrackedOn', value: '2026-11-12' },
      { text: 'court', value: 'Newcastle Magistrates’ Court' },
      { date: 'hearingOn', value: '2026-11-26' },
      { text: 'reason', value: 'Lapse into drug use while on the scheme' },
    ]);
    await caseworker.submit('Save');
    expect(await page.locator('.moj-timeline__title').first().innerText()).toMatch(/Fast-tracked to court|Lapse recorded/);
    expect(await page.locator('.moj-timeline__title').filter({ hasText: 'Fast-tracked to court' }).count()).toBe(1);

    await t.projected();
    await caseworker.follow('Dashboard');
    expect(await tableRow(page, /Lapses and fast-tracks/, 'November 2026')).toEqual(['1', '1']);

    // Every event was recorded by whoever was signed in.
    const events = await t.store.readStream(`offender-${offenderPath.split('/').pop()}`);
    expect(events).toHaveLength(1 + 6 + 2 + 1 + 2 + 1 + 1 + 1);
    expect(new Set(events.map((e) => e.metadata.actor.username))).toEqual(new Set(['casey', 'supervisor']));
    expect(events.find((e) => e.type === 'OffenderAdopted')?.metadata.actor.username).toBe('supervisor');
  });

  it('shows a stale form that someone else changed the record, and appends nothing', async () => {
    const first = await signIn('casey');
    const second = await signIn('supervisor');
    await first.open(offenderPath);
    await second.open(offenderPath);
    await second.follow('Record a contact');
    // Meanwhile the case worker records one.
    await first.follow('Record a contact');
    await first.answer([
      { date: 'contactOn', value: '2026-11-18' },
      { radio: 'kind', label: 'Office' },
      { radio: 'outcome', label: 'Yes, they attended' },
    ]);
    await first.submit('Save');
    const streamId = `offender-${offenderPath.split('/').pop()}`;
    const before = (await t.store.readStream(streamId)).length;
    await second.answer([
      { date: 'contactOn', value: '2026-11-19' },
      { radio: 'kind', label: 'Home visit' },
      { radio: 'outcome', label: 'Yes, they attended' },
    ]);
    await second.submit('Save');
    const conflict = await text(second.page);
    expect(conflict).toContain('This record changed since you opened it');
    expect(conflict).toContain('Contact recorded');
    expect((await t.store.readStream(streamId)).length).toBe(before);
  });

  it('found no WCAG 2.2 AA violation on any page it visited', () => {
    expect(visited.size).toBeGreaterThanOrEqual(javaScript ? 12 : 1);
    expect(violations).toEqual([]);
  });
});
