import { isRealDate } from './real-date';

/** The three boxes of a GOV.UK date input, as posted: `<name>-day`, `<name>-month`, `<name>-year`. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** The parts of a date input named `name` in a posted form, trimmed. */
export function datePartsOf(body: Record<string, unknown>, name: string): DateParts {
  const part = (suffix: string) => {
    const value = body[`${name}-${suffix}`];
    return typeof value === 'string' ? value.trim() : '';
  };
  return { day: part('day'), month: part('month'), year: part('year') };
}

/**
 * A date input's value as `YYYY-MM-DD`, or the GOV.UK-style message for what
 * is wrong with it ("Date of birth must include a month", "... must be a real
 * date"). Empty parts give `{ empty: true }` so optional dates can be left out.
 */
export function parseDateParts(parts: DateParts, label: string): { value: string } | { error: string } | { empty: true } {
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!day && !month && !year) return { empty: true };
  const missing = (['day', 'month', 'year'] as const).filter((p) => !parts[p].trim());
  if (missing.length) return { error: `${label} must include a ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { error: `${label} must be a real date` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isRealDate(iso) ? { value: iso } : { error: `${label} must be a real date` };
}

/** The items of a GOV.UK date input macro for a field, with the error class on every box when the field has an error. */
export function dateInputItems(name: string, values: Partial<DateParts>, hasError: boolean) {
  const error = hasError ? ' govuk-input--error' : '';
  return [
    { name: 'day', id: `${name}-day`, classes: `govuk-input--width-2${error}`, value: values.day ?? '' },
    { name: 'month', id: `${name}-month`, classes: `govuk-input--width-2${error}`, value: values.month ?? '' },
    { name: 'year', id: `${name}-year`, classes: `govuk-input--width-4${error}`, value: values.year ?? '' },
  ];
}

/** The parts of an ISO date, to fill a date input. */
export function partsOfIsoDate(iso: string | null | undefined): Partial<DateParts> {
  if (!iso) return {};
  const [year, month, day] = iso.slice(0, 10).split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
