import { addDays, evolve, initialState, type OffenderEvent, type OffenderState } from '@ppo/domain';

/** Contacts older than this before the latest one are dropped from stored state: no report looks further back. */
export const RECENT_CONTACT_DAYS = 35;

/** Pruning waits until this many contacts are held, so its date arithmetic runs once in many contacts. */
const PRUNE_AT = 48;

/** The collections of the offender state a projection can do without. */
export type DroppableFacts = 'contacts' | 'convictions' | 'arrests' | 'harmIndicators' | 'lapses' | 'fastTracks' | 'needs' | 'interventions' | 'communityOrders';

const EMPTY: Pick<OffenderState, DroppableFacts> = {
  contacts: [],
  convictions: [],
  arrests: [],
  harmIndicators: [],
  lapses: [],
  fastTracks: [],
  needs: [],
  interventions: {},
  communityOrders: {},
};

/**
 * The domain's own fold, keeping only the facts a projection reads, and the
 * contact history cut to recent weeks, so a stored row stays small however long
 * the journey. Reusing `evolve` means a read model cannot disagree with the
 * command side about status, strands or frequency; `evolve` only appends to
 * the collections dropped, so folding on without them stays correct.
 */
export function evolveCompact(state: OffenderState | undefined, event: OffenderEvent, drop: readonly DroppableFacts[] = []): OffenderState {
  let next = evolve(state ?? initialState, event);
  for (const facts of drop) {
    const value = next[facts];
    if (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0) next = { ...next, [facts]: EMPTY[facts] };
  }
  if (event.type !== 'ContactRecorded' || next.contacts.length < PRUNE_AT) return next;
  const latest = next.contacts.reduce((max, c) => (c.contactOn > max ? c.contactOn : max), next.contacts[0].contactOn);
  const cutoff = addDays(latest, -RECENT_CONTACT_DAYS);
  return { ...next, contacts: next.contacts.filter((c) => c.contactOn >= cutoff) };
}
