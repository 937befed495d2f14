/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** One answer on a form: a text box, a GOV.UK date input, a radio (by its label) or a select option (by its text). */
export type Answer =
  | { text: string; value: string }
  | { date: string; value: string }
  | { radio: string; label: string }
  | { select: string; option: string };

/**
 * Drives the pages as a person would: by mouse, or by keyboard alone (Tab to
 * each control, type, arrow keys for radios, Enter to follow a link or submit).
 * Both drive the same journey, so the keyboard run proves it can be done
 * without a pointer.
 */
export interface Driver {
  readonly page: Page;
  /** Goes to a path as if typed into the address bar. */
  open(path: string): Promise<void>;
  follow(linkText: string | RegExp): Promise<void>;
  answer(answers: Answer[]): Promise<void>;
  submit(buttonText: string): Promise<void>;
}

async function afterNavigation(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = page.url();
  await Promise.all([page.waitForEvent('load', { timeout: 15_000 }).catch((e: Error) => { throw new Error(`No page loaded after an action on ${before}: ${e.message}`); }), action()]);
}

/** Parts of an ISO date as a GOV.UK date input takes them. */
const dateParts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
};

export function mouseDriver(page: Page, baseUrl: string, onPage: (page: Page) => Promise<void>): Driver {
  return {
    page,
    async open(path) {
      await page.goto(`${baseUrl}${path}`);
      await onPage(page);
    },
    async follow(linkText) {
      // Links styled as buttons (GOV.UK start buttons) have the button role, so links are found by element and text.
      const name = typeof linkText === 'string' ? new RegExp(`^\\s*${linkText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) : linkText;
      await afterNavigation(page, () => page.locator('a').filter({ hasText: name }).first().click());
      await onPage(page);
    },
    async answer(answers) {
      for (const a of answers) {
        if ('text' in a) await page.fill(`#${a.text}`, a.value);
        else if ('date' in a) {
          const { day, month, year } = dateParts(a.value);
          await page.fill(`#${a.date}-day`, day);
          await page.fill(`#${a.date}-month`, month);
          await page.fill(`#${a.date}-year`, year);
        } else if ('radio' in a) await page.locator(`input[type=radio][name="${a.radio}"]`).and(page.getByLabel(a.label, { exact: true })).check();
        else await page.selectOption(`#${a.select}`, { label: a.option });
      }
    },
    async submit(buttonText) {
      await afterNavigation(page, () => page.getByRole('button', { name: buttonText, exact: true }).click());
      await onPage(page);
    },
  };
}

/** What the keyboard driver is tabbing towards. */
interface FocusTarget {
  id?: string;
  tag?: string;
  /** A pattern the element's text must match: [source, flags]. */
  text?: [string, string];
  name?: string;
  type?: string;
}

export function keyboardDriver(page: Page, baseUrl: string, onPage: (page: Page) => Promise<void>): Driver {
  /** Presses Tab until the focused element is the target; fails if it never is. */
  const tabUntil = async (what: string, target: FocusTarget) => {
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const found = await page.evaluate((t) => {
        const el = document.activeElement as HTMLInputElement | null;
        if (!el) return false;
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
        return (
          (t.id === undefined || el.id === t.id) &&
          (t.tag === undefined || el.tagName === t.tag) &&
          (t.name === undefined || el.name === t.name) &&
          (t.type === undefined || el.type === t.type) &&
          (t.text === undefined || new RegExp(t.text[0], t.text[1]).test(text))
        );
      }, target);
      if (found) return;
    }
    throw new Error(`Could not reach ${what} with the Tab key on ${page.url()}`);
  };
  const focusId = (id: string) => tabUntil(`#${id}`, { id });
  return {
    page,
    async open(path) {
      await page.goto(`${baseUrl}${path}`);
      await onPage(page);
    },
    async follow(linkText) {
      const text: [string, string] =
        linkText instanceof RegExp ? [linkText.source, linkText.flags] : [`^${linkText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, ''];
      await tabUntil(`the link "${String(linkText)}"`, { tag: 'A', text });
      await afterNavigation(page, () => page.keyboard.press('Enter'));
      await onPage(page);
    },
    async answer(answers) {
      for (const a of answers) {
        if ('text' in a) {
          await focusId(a.text);
          await page.keyboard.type(a.value);
        } else if ('date' in a) {
          const { day, month, year } = dateParts(a.value);
          await focusId(`${a.date}-day`);
          await page.keyboard.type(day);
          await page.keyboard.press('Tab');
          await page.keyboard.type(month);
          await page.keyboard.press('Tab');
          await page.keyboard.type(year);
        } else if ('radio' in a) {
          const index = await page.evaluate(
            ({ name, label }) => [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${name}"]`)].findIndex((r) => r.labels?.[0]?.textContent?.trim() === label),
            { name: a.radio, label: a.label },
          );
          if (index < 0) throw new Error(`No radio "${a.label}" for ${a.radio}`);
          // Tab lands on the group's checked radio, or its first; arrows move and choose.
          await tabUntil(`the ${a.radio} radios`, { name: a.radio, type: 'radio' });
          const current = await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${(document.activeElement as HTMLInputElement).name}"]`)].indexOf(document.activeElement as HTMLInputElement));
          if (index === current) await page.keyboard.press('Space');
          for (let i = current; i < index; i++) await page.keyboard.press('ArrowDown');
          for (let i = current; i > index; i--) await page.keyboard.press('ArrowUp');
        } else {
          await focusId(a.select);
          const options = await page.evaluate((id) => [...(document.getElementById(id) as HTMLSelectElement).options].map((o) => o.text), a.select);
          const target = options.indexOf(a.option);
          if (target < 0) throw new Error(`No option "${a.option}" in #${a.select}`);
          const selected = await page.evaluate((id) => (document.getElementById(id) as HTMLSelectElement).selectedIndex, a.select);
          for (let i = selected; i < target; i++) await page.keyboard.press('ArrowDown');
          for (let i = selected; i > target; i--) await page.keyboard.press('ArrowUp');
        }
      }
    },
    async submit(buttonText) {
      await tabUntil(`the "${buttonText}" button`, { tag: 'BUTTON', text: [`^${buttonText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, ''] });
      await afterNavigation(page, () => page.keyboard.press('Enter'));
      await onPage(page);
    },
  };
}
