import type { FieldError } from '@ppo/auth';
import type { DomainError, DomainErrorCode } from '@ppo/domain';
import { formatDate } from '../../shared/format';
import { capitalise, inputIdOf, type FieldDefinition } from './command-form';
import { fieldAt } from './read-posted-form';

/** Where a message about the whole form (not one field) links to from the error summary: the page's main content. */
export const WHOLE_FORM = 'main-content';

/** Refusals whose detail adds something a case worker can act on ("Contact is already 4 a week."); the others' details name fields and ISO dates. */
const DETAIL_HELPS: ReadonlySet<DomainErrorCode> = new Set([
  'CONTACT_FREQUENCY.NOT_LOWER',
  'CONTACT_FREQUENCY.NOT_HIGHER',
  'CONTACT_FREQUENCY.BELOW_MINIMUM',
  'CONTACT_FREQUENCY.NOT_STABLE',
  'STRAND.NOT_ACTIVE',
  'STRAND.ALREADY_ACTIVE',
]);

const withDatesInWords = (text: string) => text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDate(iso));

/**
 * A rule of the domain that refused the command, in words for the form: its
 * title (never its code), with the detail where that helps, beside the field
 * it is about when there is one. Conflicts answer 409; input that cannot be
 * true, or refers to something not recorded, 422.
 */
export function refusalOf(error: DomainError, fields: FieldDefinition[]): { status: number; errors: FieldError[] } {
  // A form that nests a fact in its body (a correction's `conviction.offenceDate`) names its fields as the fact does, as the domain does.
  const field = error.field ? (fieldAt(fields, error.field) ?? fields.find((f) => f.name === error.field)) : undefined;
  let text: string = error.title;
  if (error.code === 'DATE.IN_FUTURE' && field) text = `${capitalise(field.noun)} must be today or in the past`;
  else if (error.code === 'DATE.OUT_OF_ORDER' && error.detail) text = error.detail;
  else if (DETAIL_HELPS.has(error.code) && error.detail && error.detail !== error.title) text = `${error.title} ${withDatesInWords(error.detail)}`;
  return { status: error.kind === 'conflict' ? 409 : 422, errors: [{ field: field ? inputIdOf(field) : WHOLE_FORM, text }] };
}
