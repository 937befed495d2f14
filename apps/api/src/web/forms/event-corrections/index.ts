import type { EventFormDefinition } from './event-form';
import { rectifyEventForm } from './rectify-event.form';
import { retractEventForm } from './retract-event.form';

/**
 * The corrections' forms, each about one fact of the offender's history and
 * reached from it in the timeline: `/offenders/:offenderId/retract-event/:eventId`
 * and `/offenders/:offenderId/rectify-event/:eventId`.
 */
export const EVENT_CORRECTION_FORMS: readonly EventFormDefinition[] = [retractEventForm, rectifyEventForm];
