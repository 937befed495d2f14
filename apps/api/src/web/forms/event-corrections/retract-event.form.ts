import { RetractEventCommand, RetractEventDto } from '@ppo/offenders';
import type { EventFormDefinition } from './event-form';
import { entryInWords, FACTS } from './event-form';

/** Retract a fact recorded in error: the history keeps it, with the retraction and who made it, and it no longer counts. */
export const retractEventForm: EventFormDefinition = {
  slug: 'retract-event',
  permission: 'offender.command',
  formFor: (fact, entry) => {
    if (!fact.retractable) return undefined;
    const { noun } = FACTS[fact.recorded.type];
    return {
      slug: 'retract-event',
      title: `Retract the ${noun}`,
      permission: 'offender.command',
      command: RetractEventCommand,
      dto: RetractEventDto,
      intro: () => `${entryInWords(fact, entry)} Retract it only if it was recorded in error: it will no longer count towards anything, and the history keeps it with the retraction and your name.`,
      fields: [
        {
          kind: 'textarea',
          name: 'reason',
          label: 'Why was it recorded in error?',
          hint: 'For example, it was entered against the wrong person.',
          noun: 'why it was recorded in error',
        },
      ],
      submitText: `Retract the ${noun}`,
    };
  },
};
