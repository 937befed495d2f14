import type { CorrectableEvent } from '@ppo/domain';
import { RectifyEventCommand, RectifyEventDto } from '@ppo/offenders';
import type { CommandFormDefinition, FieldDefinition } from '../command-form/command-form';
import { defaultBody } from '../command-form/read-posted-form';
import { recordArrestForm } from '../offender-commands/record-arrest.form';
import { recordContactForm } from '../offender-commands/record-contact.form';
import { recordConvictionForm } from '../offender-commands/record-conviction.form';
import { recordHarmIndicatorForm } from '../offender-commands/record-harm-indicator.form';
import { recordLapseForm } from '../offender-commands/record-lapse.form';
import type { EventFormDefinition } from './event-form';
import { entryInWords, FACTS } from './event-form';

/** The form that records each kind of fact: a rectification asks its questions again. */
const RECORDING_FORMS: Record<CorrectableEvent['type'], CommandFormDefinition> = {
  ConvictionRecorded: recordConvictionForm,
  ArrestRecorded: recordArrestForm,
  HarmIndicatorRecorded: recordHarmIndicatorForm,
  ContactRecorded: recordContactForm,
  LapseOccurred: recordLapseForm,
};

/** An answer as it is recorded, for a field to open with. */
const answerOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

/**
 * The questions of the form that recorded the fact, opening on what it says
 * now, each answering the same field of the corrected fact in the body
 * (`conviction.court`), so the recording command's DTO checks them.
 */
export function rectifyingFields(current: CorrectableEvent): FieldDefinition[] {
  const { bodyKey } = FACTS[current.type];
  const data = current.data as Record<string, unknown>;
  return RECORDING_FORMS[current.type].fields.map((field) => ({ ...field, bodyPath: `${bodyKey}.${field.bodyPath ?? field.name}`, initial: () => answerOf(data[field.name]) }));
}

/** Rectify a fact recorded wrongly: the corrected version replaces it where it stood, and the history keeps both with who made the correction. */
export const rectifyEventForm: EventFormDefinition = {
  slug: 'rectify-event',
  permission: 'offender.command',
  formFor: (fact, entry) => {
    const { noun, bodyKey } = FACTS[fact.recorded.type];
    return {
      slug: 'rectify-event',
      title: `Correct the ${noun}`,
      permission: 'offender.command',
      command: RectifyEventCommand,
      dto: RectifyEventDto,
      intro: () => `${entryInWords(fact, entry)} Change what was wrong below. The history keeps the entry as first recorded, with the correction and your name.`,
      fields: [
        ...rectifyingFields(fact.current),
        { kind: 'textarea', name: 'reason', label: 'What was wrong?', hint: 'For example, the wrong offence was entered.', noun: 'what was wrong' },
      ],
      toBody: ({ reason, ...corrected }) => defaultBody({ reason, [bodyKey]: defaultBody(corrected) }),
      submitText: 'Save the correction',
    };
  },
};
