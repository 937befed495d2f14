import type { Choice, FieldDefinition } from '../command-form/command-form';

/** The hint under a date input of something that has happened. */
export const DATE_HINT = 'For example, 27 3 2026';

/** A GOV.UK date input. */
export function dateField(name: string, label: string, noun: string, more: Partial<FieldDefinition> = {}): FieldDefinition {
  return { kind: 'date', name, label, noun, hint: DATE_HINT, ...more };
}

/** An optional textarea for notes or details. */
export function notesField(name: string, label: string, noun: string, hint?: string): FieldDefinition {
  return { kind: 'textarea', name, label: `${label} (optional)`, noun, hint };
}

/**
 * The strand to make current after a court outcome or release. Left as it
 * is, the domain makes Rehabilitate and resettle current, so that is the
 * empty first option rather than a value of its own.
 */
export function strandAfterwardsField(hint: string): FieldDefinition {
  return {
    kind: 'select',
    name: 'currentStrand',
    label: 'Strand they are mainly managed under afterwards',
    hint,
    noun: 'the strand',
    emptyOption: 'Rehabilitate and resettle',
    options: ['catch-and-convict', 'prevent-and-deter'],
  };
}

/** Radios of things recorded for the offender, with a last answer for "none of these"; none at all shows `noOptions`. */
export function pickOrNone(choices: Choice[], none: string): Choice[] {
  return choices.length ? [...choices, { value: '', text: none }] : [];
}
