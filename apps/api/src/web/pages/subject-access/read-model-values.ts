import { formatDate, formatDateTime, monthName, sentence, words } from '../../shared/format';

/** A row of a GOV.UK summary list. */
export interface SummaryRow {
  key: { text: string };
  value: { text: string };
}

/** Column names that read badly as words. */
const COLUMN_NAMES: Record<string, string> = { offender_id: 'Offender ID', crn: 'CRN', pnc_id: 'PNC ID' };

/** A column or field name in words: `given_name` → "Given name", `contactsPerWeek` → "Contacts per week", `2026-10` → "October 2026". */
export function nameInWords(name: string): string {
  if (COLUMN_NAMES[name]) return COLUMN_NAMES[name];
  if (/^\d{4}-\d{2}$/.test(name)) return monthName(name);
  return sentence(name.replace(/_/g, '-').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase());
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const VOCABULARY = /^[a-z]+(-[a-z]+)+$/;

/**
 * Any value a read model holds, in words for a printed page: dates as GOV.UK
 * writes them, instants in London time, the domain's kebab-case words as
 * words, lists and objects spelt out field by field; nothing left out.
 */
export function valueInWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'None';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return formatDate(value);
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
    return VOCABULARY.test(value) ? words(value) : value;
  }
  if (Array.isArray(value)) return value.length ? value.map(valueInWords).join('; ') : 'None';
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>);
    const label = (key: string) => (/^\d{4}-\d{2}$/.test(key) ? monthName(key) : nameInWords(key).toLowerCase());
    return fields.length ? fields.map(([key, v]) => `${label(key)}: ${valueInWords(v)}`).join(', ') : 'None';
  }
  return String(value);
}

/**
 * A read model's row as summary-list rows, column by column. The `state`
 * column, a working copy of the whole record folded from the events, is
 * named rather than spelt out: the events say the same in words, and the
 * data copy holds it as it is.
 */
export function rowInWords(row: Record<string, unknown>): SummaryRow[] {
  return Object.entries(row).map(([column, value]) => ({
    key: { text: nameInWords(column) },
    value: { text: column === 'state' ? 'A working copy of the whole record, folded from the events listed in this copy; held in full in the data copy.' : valueInWords(value) },
  }));
}
