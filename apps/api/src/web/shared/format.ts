/** Month names, January first. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as GOV.UK writes it: `2 March 2026`. Accepts `YYYY-MM-DD` or an ISO instant (its date part). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A month as GOV.UK writes it: `2026-07` → `July 2026`. */
export function monthName(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${MONTHS[m - 1]} ${year}`;
}

/** An instant as GOV.UK writes it, in London time: `2 March 2026 at 3:04pm`. */
export function formatDateTime(iso: string, timeZone = 'Europe/London'): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}${String(parts.dayPeriod).toLowerCase()}`;
}

/** A kebab-case word from the domain's vocabulary as words: `theft-from-shops` → `theft from shops`. */
export function words(value: string | null | undefined): string {
  return (value ?? '').replace(/-/g, ' ');
}

/** The same, with a capital first letter: `catch-and-convict` → `Catch and convict`. */
export function sentence(value: string | null | undefined): string {
  const text = words(value);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Contacts a week as a case worker says it: `4 a week`, `1 a fortnight` for 0.5. */
export function perWeek(contactsPerWeek: number): string {
  if (contactsPerWeek === 0.5) return '1 a fortnight';
  return `${contactsPerWeek} a week`;
}
