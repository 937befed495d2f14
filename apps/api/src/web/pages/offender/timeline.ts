import { upcastOffenderEvent } from '@ppo/domain';
import type { StoredEvent } from '@ppo/event-store';
import { correctableFacts } from '../../shared/correctable-facts';
import { describeEvent } from '../../shared/describe-event';
import { formatDate } from '../../shared/format';

/** A link beside a timeline entry to one of its corrections' forms. */
export interface EntryCorrection {
  text: 'Correct' | 'Retract';
  href: string;
  /** For screen readers, what the link is about: "the conviction recorded on 20 June 2026". */
  about: string;
}

/** One entry of the offender's journey, as the timeline shows it. */
export interface TimelineEntry {
  title: string;
  detail: string;
  /** When it happened, as the case worker gave it. */
  occurredAt: string;
  /** When it was written to the record. */
  recordedAt: string;
  /** Who recorded it: their username, or "the service". */
  by: string;
  role: string | undefined;
  /** "Retracted" or "Corrected", for a fact a later entry corrected. */
  status?: string;
  /** Links to retract or correct it, for those who may. */
  corrections: EntryCorrection[];
}

/**
 * Every event of the stream in words, newest first by when it happened (a
 * conviction entered late sits at its own date; both dates are shown), and
 * by when it was recorded among events of the same day. Each fact a case
 * worker may correct says whether it was, and, for `correctable` callers on
 * `offenderId`, links to its forms (no retraction of a lapse a fast-track followed).
 */
export function timelineOf(stored: readonly StoredEvent[], corrections?: { offenderId: string; correctable: boolean }): TimelineEntry[] {
  const facts = correctableFacts(stored.map((event) => ({ eventId: event.eventId, event: upcastOffenderEvent(event) })));
  const newestFirst = [...stored].sort((a, b) => b.metadata.occurredAt.localeCompare(a.metadata.occurredAt) || b.version - a.version);
  return newestFirst.map((event) => {
    const { title, detail } = describeEvent(upcastOffenderEvent(event));
    const { actor, occurredAt } = event.metadata;
    const system = actor.userId === 'system';
    const fact = facts.get(event.eventId);
    const links: EntryCorrection[] = [];
    if (fact && !fact.retracted && corrections?.correctable) {
      const about = `${title.toLowerCase().replace(/ recorded$/, '')} of ${formatDate(occurredAt)}`;
      const href = (slug: string) => `/offenders/${corrections.offenderId}/${slug}/${encodeURIComponent(event.eventId)}`;
      links.push({ text: 'Correct', href: href('rectify-event'), about: `the ${about}` });
      if (fact.retractable) links.push({ text: 'Retract', href: href('retract-event'), about: `the ${about}` });
    }
    return {
      title,
      detail,
      occurredAt,
      recordedAt: event.recordedAt,
      by: system ? 'the service' : (actor.username ?? actor.userId),
      role: system ? undefined : actor.role,
      status: fact?.retracted ? 'Retracted' : fact?.rectified ? 'Corrected' : undefined,
      corrections: links,
    };
  });
}
