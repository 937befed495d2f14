import { addDays, evolve, initialState, type OffenderEvent, type OffenderState } from '@ppo/domain';

/** Contacts older than this before the latest one are dropped from stored state: no report looks further back. */
export const RECENT_CONTACT_DAYS = 35;

/** Pruning waits until this many contacts are held, so its date arithmetic runs once in many contacts. */
const PRUNE_AT = 48;

/**
 * The domain's own fold, with the contact history cut to recent weeks so a
 * stored row stays small however long the journey. Reusing `evolve` means a
 * read model cannot disagree with the command side about status, strands or frequency.
 */
export function evolveCompact(state: OffenderState | undefined, event: OffenderEvent): OffenderState {
  const next = evolve(state ?? initialState, event);
  if (event.type !== 'ContactRecorded' || next.contacts.length < PRUNE_AT) return next;
  const latest = next.contacts.reduce((max, c) => (c.contactOn > max ? c.contactOn : max), next.contacts[0].contactOn);
  const cutoff = addDays(latest, -RECENT_CONTACT_DAYS);
  return { ...next, contacts: next.contacts.filter((c) => c.contactOn >= cutoff) };
}
