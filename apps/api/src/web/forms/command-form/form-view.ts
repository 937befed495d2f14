import type { FieldError } from '@ppo/auth';
import { dateInputItems, partsOfIsoDate } from '../../shared/govuk-date';
import { sentence } from '../../shared/format';
import { choicesOf, type FieldDefinition, type FormSource } from './command-form';

/** One question of a form as the template draws it: which GOV.UK macro, and its parameters. */
export type FieldView =
  | { macro: 'input' | 'textarea' | 'dateInput' | 'radios' | 'select'; params: Record<string, unknown> }
  /** Nothing to pick: a sentence in place of the question. */
  | { macro: 'inset'; text: string };

const labelOf = (field: FieldDefinition) => ({ text: field.label, classes: 'govuk-label--s' });
const legendOf = (field: FieldDefinition) => ({ legend: { text: field.label, classes: 'govuk-fieldset__legend--s' } });
const hintOf = (field: FieldDefinition) => (field.hint ? { text: field.hint } : undefined);

/**
 * The answers a form opens with: each field's `initial`, if any (a date's
 * `YYYY-MM-DD` in its three boxes), and a pick named in the address, so a
 * link can open a form on one thing (`complete-intervention?interventionId=...`).
 */
export function initialAnswers(fields: FieldDefinition[], source: FormSource, query: Record<string, unknown> = {}): Record<string, string> {
  return Object.fromEntries(
    fields.flatMap((f): [string, string][] => {
      const picked = query[f.name];
      if ((f.kind === 'radios' || f.kind === 'select') && typeof picked === 'string' && picked) return [[f.name, picked]];
      const initial = f.initial?.(source);
      if (initial === undefined) return [];
      if (f.kind !== 'date') return [[f.name, initial]];
      const parts = partsOfIsoDate(initial);
      return [[`${f.name}-day`, parts.day ?? ''], [`${f.name}-month`, parts.month ?? ''], [`${f.name}-year`, parts.year ?? '']];
    }),
  );
}

/**
 * The GOV.UK macro parameters of every field: the answers given so far, and
 * each field's error beside it. A question with nothing to pick becomes a
 * sentence; `blocked` says the form cannot be sent (a required pick with no choices).
 */
export function fieldViews(fields: FieldDefinition[], source: FormSource, answers: Record<string, string>, errors: FieldError[]): { views: FieldView[]; blocked: boolean } {
  const errorOf = (...ids: string[]) => {
    const error = errors.find((e) => ids.includes(e.field));
    return error ? { text: error.text } : undefined;
  };
  let blocked = false;
  const views = fields.map((field): FieldView => {
    const { name } = field;
    const common = { id: name, name, hint: hintOf(field), errorMessage: errorOf(name) };
    switch (field.kind) {
      case 'text':
        return {
          macro: 'input',
          params: { ...common, label: labelOf(field), value: answers[name], classes: field.classes, autocomplete: field.autocomplete },
        };
      case 'number':
        return {
          macro: 'input',
          params: {
            ...common,
            label: labelOf(field),
            value: answers[name],
            inputmode: 'decimal',
            spellcheck: false,
            classes: field.classes ?? 'govuk-input--width-4',
            suffix: field.suffix ? { text: field.suffix } : undefined,
          },
        };
      case 'textarea':
      case 'lines':
        return { macro: 'textarea', params: { ...common, label: labelOf(field), value: answers[name], rows: field.kind === 'lines' ? 4 : 5 } };
      case 'date': {
        const ids = ['day', 'month', 'year'].map((p) => `${name}-${p}`);
        const errorMessage = errorOf(...ids);
        const parts = { day: answers[ids[0]], month: answers[ids[1]], year: answers[ids[2]] };
        return {
          macro: 'dateInput',
          params: { id: name, namePrefix: name, fieldset: legendOf(field), hint: hintOf(field), errorMessage, items: dateInputItems(name, parts, !!errorMessage) },
        };
      }
      case 'radios':
      case 'select': {
        const choices = choicesOf(field, source, sentence);
        if (choices.length === 0 && field.noOptions) {
          if (field.required) blocked = true;
          return { macro: 'inset', text: field.noOptions };
        }
        if (field.kind === 'select') {
          const items = [...(field.emptyOption !== undefined ? [{ value: '', text: field.emptyOption }] : []), ...choices];
          return { macro: 'select', params: { ...common, label: labelOf(field), items: items.map((c) => ({ value: c.value, text: c.text, selected: c.value === (answers[name] ?? '') })) } };
        }
        return {
          macro: 'radios',
          params: {
            ...common,
            id: undefined,
            idPrefix: name,
            fieldset: legendOf(field),
            items: choices.map((c) => ({ value: c.value, text: c.text, hint: c.hint ? { text: c.hint } : undefined, checked: c.value === answers[name] })),
          },
        };
      }
    }
  });
  return { views, blocked };
}
