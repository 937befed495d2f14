import type { Permission, Principal } from '@ppo/auth';
import type { CommandContext, OffenderCommandMessage } from '@ppo/offenders';
import type { OffenderRecord } from './offender-record';

/** One answer to pick: the value posted and the words shown. */
export interface Choice {
  value: string;
  text: string;
  hint?: string;
}

/** What a form's choices and wording may depend on: the offender (absent when registering) and the signed-in user. */
export interface FormSource {
  record?: OffenderRecord;
  principal: Principal;
}

/**
 * One question of a form, as GOV.UK Frontend draws it:
 * - `text`, `textarea`: free text (trimmed; empty means "not given");
 * - `number`: a number input (`contactsPerWeek`, months);
 * - `date`: a GOV.UK date input of three boxes, posted as `<name>-day|month|year`, read into `YYYY-MM-DD`;
 * - `radios`, `select`: one of the `options`;
 * - `lines`: a textarea read as a list, one item a line.
 */
export interface FieldDefinition {
  kind: 'text' | 'textarea' | 'number' | 'date' | 'radios' | 'select' | 'lines';
  /** The posted name, the input's id, and (unless `toBody` says otherwise) the body field. */
  name: string;
  /**
   * Where the answer sits in the command's body when `toBody` puts it
   * elsewhere (`exitPlan.summary`), so the DTO's and the domain's errors
   * about that part of the body are shown beside this field.
   */
  bodyPath?: string;
  /** The label, or the legend of a date input or radios. */
  label: string;
  hint?: string;
  /**
   * How error messages name the answer, in lower case: "the date the lapse
   * happened" gives "Enter the date the lapse happened" and "The date the
   * lapse happened must be a real date".
   */
  noun: string;
  /** The message when the answer is missing, where "Enter/Select <noun>" reads badly. */
  missing?: string;
  /**
   * For `radios` and `select`: the domain's kebab-case words (shown as
   * words, or as `labels` says), or choices worked out from the offender's
   * record (their open lapses, fast-tracks, interventions, orders).
   */
  options?: readonly string[] | ((source: FormSource) => Choice[]);
  /** Words for some of the domain's values, where `sentence(value)` reads badly. */
  labels?: Record<string, string>;
  /** For `select`: a first option meaning "not given", e.g. "Decide by age". */
  emptyOption?: string;
  /** Shown instead of the question when there is nothing to pick ("No open interventions are recorded."). */
  noOptions?: string;
  /** The form insists on an answer that the command's DTO does not check (an id the API takes from the path). */
  required?: boolean;
  /** Extra GOV.UK classes for the input, e.g. a width. */
  classes?: string;
  /** For `number`: the unit after the box ("a week"). */
  suffix?: string;
  /** For `text`: the browser's autocomplete token. */
  autocomplete?: string;
  /** The answer on first load. */
  initial?: (source: FormSource) => string | undefined;
}

/** A posted form's answers read into values: dates as `YYYY-MM-DD`, numbers as numbers, lines as lists; missing ones undefined. */
export type FormValues = Record<string, string | number | string[] | undefined>;

/** Any command class of the offender journey: `new RecordLapseCommand(offenderId, body, context)`. */
export type CommandClass = new (offenderId: string, body: never, context: CommandContext) => OffenderCommandMessage<object>;

/**
 * A form for one command. The controller, the template and validation are
 * shared by every form; a definition says only what is particular to its
 * command. The command's own DTO validates the body, as the API does.
 */
export interface CommandFormDefinition {
  /** The last part of the form's path, named after the command's folder: `/offenders/:offenderId/record-lapse`. */
  slug: string;
  /** The page's h1 and title, GOV.UK style: "Record a lapse". */
  title: string;
  /** The permission the form needs, as the command's API route does. */
  permission: Extract<Permission, 'offender.command' | 'offender.supervise' | 'offender.restrict' | 'personal-data.erase'>;
  command: CommandClass;
  /** The command's request DTO, whose rules the posted body must pass (whitelisted, unknown fields refused). */
  dto: new () => object;
  fields: FieldDefinition[];
  /** A sentence under the heading about where the offender stands ("Contact is 4 a week."). */
  intro?: (source: FormSource) => string | undefined;
  /** The button's words; "Save" unless given. */
  submitText?: string;
  /** Body fields the form checks itself rather than the DTO (ids the API takes from the path, such as `interventionId`). */
  outsideDto?: string[];
  /** Builds the command's body from the values; by default, every field given, under its name. */
  toBody?: (values: FormValues) => Record<string, unknown>;
}

/** The options of a field as choices, for the source at hand. */
export function choicesOf(field: FieldDefinition, source: FormSource, sentence: (value: string) => string): Choice[] {
  if (!field.options) return [];
  if (typeof field.options === 'function') return field.options(source);
  return field.options.map((value) => ({ value, text: field.labels?.[value] ?? sentence(value) }));
}

/** The id of the input an error about a field links to: the day box of a date, the first radio, or the input itself. */
export function inputIdOf(field: FieldDefinition): string {
  return field.kind === 'date' ? `${field.name}-day` : field.name;
}

/** "the court" → "The court", for an error message that starts with the noun. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
