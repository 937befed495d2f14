import type { CorrectableEvent } from '@ppo/domain';
import { describeEvent } from '../../shared/describe-event';
import type { CorrectableFact } from '../../shared/correctable-facts';
import { formatDateTime } from '../../shared/format';
import type { CommandFormDefinition } from '../command-form/command-form';
import type { RecordedEvent } from '../command-form/offender-record';

/**
 * A form about one recorded fact, at `/offenders/:offenderId/<slug>/:eventId`:
 * the questions depend on the fact (a conviction's are not a contact's), so
 * the definition makes the command form for the fact at hand.
 */
export interface EventFormDefinition {
  /** Named after the command's folder in libs/offenders/src/commands. */
  slug: 'retract-event' | 'rectify-event';
  /** The permission the form needs, as the command's API route does. */
  permission: 'offender.command';
  /** The form for this fact as recorded; undefined when it cannot be corrected this way (the page answers 404). */
  formFor(fact: CorrectableFact, entry: RecordedEvent): CommandFormDefinition | undefined;
}

/** What each correctable fact is called on a form, and where its corrected version sits in a rectification's body. */
export const FACTS: Record<CorrectableEvent['type'], { noun: string; bodyKey: 'conviction' | 'arrest' | 'harmIndicator' | 'contact' | 'lapse' }> = {
  ConvictionRecorded: { noun: 'conviction', bodyKey: 'conviction' },
  ArrestRecorded: { noun: 'arrest', bodyKey: 'arrest' },
  HarmIndicatorRecorded: { noun: 'record of harm', bodyKey: 'harmIndicator' },
  ContactRecorded: { noun: 'contact', bodyKey: 'contact' },
  LapseOccurred: { noun: 'lapse', bodyKey: 'lapse' },
};

/** The entry in words, as it reads now, with who first recorded it and when: "As it reads now: Convicted of ... Recorded by casey on ...". */
export function entryInWords(fact: CorrectableFact, entry: RecordedEvent): string {
  const by = entry.actor?.username ?? entry.actor?.userId ?? 'someone';
  const corrected = fact.rectified ? ' It has been corrected before; this is the latest correction.' : '';
  return `As it reads now: ${describeEvent(fact.current).detail} Recorded by ${by} on ${formatDateTime(entry.recordedAt)}.${corrected}`;
}
