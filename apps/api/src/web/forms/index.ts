import { commandFormController } from './command-form/command-form.controller';
import { EVENT_CORRECTION_FORMS } from './event-corrections';
import { eventFormController } from './event-corrections/event-form.controller';
import { OFFENDER_COMMAND_FORMS } from './offender-commands';
import { RegisterOffenderFormController } from './register-offender/register-offender.controller';

/**
 * The pages that change things: one form per command. Registration has its
 * own controller; every command on an existing offender gets a controller
 * made from its definition in ./offender-commands (e.g. record-lapse.form.ts
 * → /offenders/:offenderId/record-lapse), all drawn by views/forms/command-form.njk;
 * corrections, about one event, from ./event-corrections (→ /offenders/:offenderId/retract-event/:eventId).
 */
export const FORM_CONTROLLERS: (new (...args: never[]) => unknown)[] = [
  RegisterOffenderFormController,
  ...OFFENDER_COMMAND_FORMS.map(commandFormController),
  ...EVENT_CORRECTION_FORMS.map(eventFormController),
];
