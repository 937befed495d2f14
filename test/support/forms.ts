import { csrfOf, type signedInBrowser } from './browser';

/** A browser-like client signed in through the sign-in page. */
export type Browser = Awaited<ReturnType<typeof signedInBrowser>>;

/** A date input's three boxes as a person types them: `date('occurredOn', '2026-11-03')` → 3, 11, 2026. */
export function date(name: string, iso: string): Record<string, string> {
  const [year, month, day] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
}

/** Opens a form page, as a browser would, and reads the hidden fields it will post back. */
export async function openForm(browser: Browser, path: string) {
  const page = await browser.get(path).expect(200);
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page.text)?.[1];
  return { html: page.text, hidden: { _csrf: csrfOf(page.text)!, formKey: hidden('formKey')!, ...(hidden('version') ? { version: hidden('version')! } : {}) } };
}

/** Opens a form and sends it with these answers, expecting this status. */
export async function fillIn(browser: Browser, path: string, answers: Record<string, string>, status: number) {
  const { hidden } = await openForm(browser, path);
  return browser.post(path).type('form').send({ ...hidden, ...answers }).expect(status);
}
