import type { FieldError } from '@ppo/auth';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { datePartsOf, parseDateParts } from '../../shared/govuk-date';
import { capitalise, inputIdOf, type CommandFormDefinition, type FieldDefinition, type FormValues } from './command-form';

/** A posted form, read and checked. */
export interface CheckedForm {
  /** The answers as typed, by input name (dates as their three boxes), to fill the form again. */
  answers: Record<string, string>;
  values: FormValues;
  /** The command's body, when there are no errors. */
  body: Record<string, unknown>;
  /** One error per field with a problem, in the order of the fields; `field` is the id of the input to go to. */
  errors: FieldError[];
}

type FormRules = Pick<CommandFormDefinition, 'fields' | 'dto' | 'outsideDto' | 'toBody'>;

const NUMBER = /^-?\d+(\.\d+)?$/;
const CHOOSING = new Set<FieldDefinition['kind']>(['radios', 'select']);

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The message for a field with no answer: "Enter the court", "Select the kind of lapse", unless the field words it. */
export function missingMessage(field: FieldDefinition): string {
  return field.missing ?? `${CHOOSING.has(field.kind) ? 'Select' : 'Enter'} ${field.noun}`;
}

/** The answers of a posted form, as typed, for every field of the form and nothing else. */
export function answersOf(fields: FieldDefinition[], posted: Record<string, unknown>): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const field of fields) {
    if (field.kind === 'date') {
      const parts = datePartsOf(posted, field.name);
      answers[`${field.name}-day`] = parts.day;
      answers[`${field.name}-month`] = parts.month;
      answers[`${field.name}-year`] = parts.year;
    } else {
      // Textareas keep their line breaks; everything else is trimmed.
      const raw = posted[field.name];
      answers[field.name] = typeof raw !== 'string' ? '' : field.kind === 'textarea' || field.kind === 'lines' ? raw.replace(/\r\n/g, '\n').trim() : raw.trim();
    }
  }
  return answers;
}

/** Reads one field's answer into its value, or the GOV.UK message for a date that cannot be read. */
function valueOf(field: FieldDefinition, answers: Record<string, string>): { value?: FormValues[string]; error?: FieldError } {
  if (field.kind === 'date') {
    const parts = { day: answers[`${field.name}-day`], month: answers[`${field.name}-month`], year: answers[`${field.name}-year`] };
    const parsed = parseDateParts(parts, capitalise(field.noun));
    if ('value' in parsed) return { value: parsed.value };
    if ('empty' in parsed) return {};
    const firstMissing = (['day', 'month', 'year'] as const).find((p) => !parts[p]) ?? 'day';
    return { error: { field: `${field.name}-${firstMissing}`, text: parsed.error } };
  }
  const answer = text(answers[field.name]);
  if (!answer) return {};
  // Anything but a plain number reaches the DTO as NaN, so its rules word the problem.
  if (field.kind === 'number') return { value: NUMBER.test(answer) ? Number(answer) : Number.NaN };
  if (field.kind === 'lines') {
    const lines = answer.split('\n').map((line) => line.trim()).filter(Boolean);
    return { value: lines.length ? lines : undefined };
  }
  return { value: answer };
}

/** Every field given, under its name: the body of most commands. */
export function defaultBody(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** class-validator's errors as dotted paths (`exitPlan.summary`) with their failed constraints. */
function flatten(errors: ValidationError[], prefix = ''): { path: string; constraints: Record<string, string> }[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, constraints: error.constraints }] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** The field an error about a body path belongs to: by name, or by where `bodyPath` puts it. */
export function fieldAt(fields: FieldDefinition[], path: string): FieldDefinition | undefined {
  const at = (candidate: string) => candidate === path || candidate.startsWith(`${path}.`) || path.startsWith(`${candidate}.`);
  return fields.find((f) => (f.bodyPath ?? f.name) === path) ?? fields.find((f) => at(f.bodyPath ?? f.name));
}

/** A DTO rule's failure in GOV.UK words, from the constraint that failed. */
function dtoMessage(field: FieldDefinition, constraints: Record<string, string>): string {
  const noun = capitalise(field.noun);
  const failed = Object.keys(constraints);
  const numberIn = (rule: string) => /(-?\d+(?:\.\d+)?)(?!.*\d)/.exec(constraints[rule])?.[1];
  if (failed.includes('whitelistValidation')) throw new Error(`${field.name}: the form sends a field its command does not take`);
  if (failed.includes('isIn') || failed.includes('isUuid') || failed.includes('isBoolean')) return missingMessage(field);
  if (failed.includes('isISO8601') || (field.kind === 'date' && failed.includes('matches'))) return `${noun} must be a real date`;
  if (failed.includes('isInt')) return `${noun} must be a whole number`;
  if (failed.includes('isNumber')) return `${noun} must be a number, like 2 or 0.5`;
  if (failed.includes('min')) return `${noun} must be ${numberIn('min')} or more`;
  if (failed.includes('max')) return `${noun} must be ${numberIn('max')} or less`;
  if (failed.includes('maxLength')) {
    const limit = /(\d+) characters/.exec(constraints.maxLength)?.[1];
    return field.kind === 'lines' ? `Each line of ${field.noun} must be ${limit} characters or fewer` : `${noun} must be ${limit} characters or fewer`;
  }
  if (failed.includes('arrayMaxSize')) return `${noun} must be ${numberIn('arrayMaxSize')} lines or fewer`;
  return `${noun} is not valid`;
}

/**
 * Reads a posted form and checks it as the API would: dates in GOV.UK's
 * words, then the command's own DTO (whitelisted, unknown fields refused)
 * over the body the form builds, so the web and the API apply one set of rules.
 */
export async function checkPostedForm(rules: FormRules, posted: Record<string, unknown>): Promise<CheckedForm> {
  const answers = answersOf(rules.fields, posted);
  const values: FormValues = {};
  const byField = new Map<string, FieldError>();
  for (const field of rules.fields) {
    const { value, error } = valueOf(field, answers);
    values[field.name] = value;
    if (error) byField.set(field.name, error);
    else if (field.required && value === undefined) byField.set(field.name, { field: inputIdOf(field), text: missingMessage(field) });
  }

  const body = (rules.toBody ?? defaultBody)(values);
  const outside = new Set(rules.outsideDto ?? []);
  const dtoBody = Object.fromEntries(Object.entries(body).filter(([key]) => !outside.has(key)));
  const problems = flatten(await validate(plainToInstance(rules.dto, dtoBody), { whitelist: true, forbidNonWhitelisted: true }));
  for (const { path, constraints } of problems) {
    const field = fieldAt(rules.fields, path);
    if (!field) throw new Error(`No field of the form answers ${path}: ${Object.values(constraints).join('; ')}`);
    if (byField.has(field.name)) continue;
    const text = values[field.name] === undefined ? missingMessage(field) : dtoMessage(field, constraints);
    byField.set(field.name, { field: inputIdOf(field), text });
  }

  const errors = rules.fields.flatMap((f) => byField.get(f.name) ?? []);
  return { answers, values, body, errors };
}
