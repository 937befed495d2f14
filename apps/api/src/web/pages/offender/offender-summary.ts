import type { JourneyFigures } from '@ppo/read-models';
import type { OffenderView } from '@ppo/offenders';
import { formatDate, perWeek, sentence } from '../../shared/format';

/** A row of the GOV.UK summary list of an offender's current state. */
export interface SummaryRow {
  key: { text: string };
  value: { text: string };
}

const row = (key: string, value: string): SummaryRow => ({ key: { text: key }, value: { text: value } });
const dateOr = (iso: string | null | undefined, none: string) => (iso ? formatDate(iso) : none);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 of 4 required", with required figures that can be fractions (2.9) as they are. */
const deliveredOf = (delivered: number, required: number) => `${plural(delivered, 'contact', 'contacts')} of ${required} required`;

function contactsAWeek(view: OffenderView): string {
  if (view.status === 'registered' || view.status === 'deselected') return 'None: not on the scheme';
  if (view.status === 'in-custody') return `None while in custody (${perWeek(view.contactsPerWeek)} before)`;
  return perWeek(view.contactsPerWeek);
}

/**
 * The offender's current state in words, from the folded stream (the view)
 * and today's figures from the journey read model (contacts delivered against
 * required, next contact due), when that has caught up.
 */
export function summaryRows(view: OffenderView, figures: JourneyFigures | undefined, today: string): SummaryRow[] {
  const strands = view.strands.active.length
    ? view.strands.active.map((s) => `${sentence(s)}${s === view.strands.current ? ' (current)' : ''}`).join(', ')
    : 'None: not on the scheme';
  const intensity = view.intensity
    ? `${sentence(view.intensity.level)}${view.intensity.escalated ? ', escalated after a lapse in the last 28 days' : ', not escalated'}`
    : 'None: not on the scheme';
  const team = view.team
    ? `${view.team.probationOfficer} (probation) and ${view.team.policeOfficer} (police), since ${formatDate(view.team.assignedOn)}`
    : 'Not assigned';
  const next = figures?.nextContactDue;
  const { eligibility } = view;
  const eligible = `${eligibility.eligible ? 'Meets' : 'Does not meet'} the area’s criteria today: a score of ${eligibility.score} against a threshold of ${eligibility.threshold}, counting from ${formatDate(eligibility.windowStart)}`;
  return [
    row('Status', sentence(view.status)),
    row('Strands', strands),
    row('Contacts a week', contactsAWeek(view)),
    row('Intensity', intensity),
    row('Supervision team', team),
    row('Last contact', dateOr(view.lastContactOn, 'None recorded')),
    row('Next contact due', next ? `${formatDate(next)}${next < today ? ' (overdue)' : next === today ? ' (today)' : ''}` : 'None due'),
    row('Contacts in the last 7 days', figures ? deliveredOf(figures.contactsDelivered7Days, figures.contactsRequired7Days) : 'Not yet worked out'),
    row('Contacts in the last 28 days', figures ? deliveredOf(figures.contactsDelivered28Days, figures.contactsRequired28Days) : 'Not yet worked out'),
    row('Last lapse', dateOr(view.lastLapseOn, 'None recorded')),
    row('Lapses in the last 90 days', String(view.lapsesInLast90Days)),
    row('Fast-tracks to court', String(view.fastTracks)),
    row('Community order ends', dateOr(view.orderEndsOn, 'No open community order')),
    row('Next review due', dateOr(view.nextReviewDue, 'None due')),
    row('Eligibility', eligible),
    row('Needs', view.needs.length ? view.needs.map((n) => sentence(n)).join(', ') : 'None recorded'),
    row('Open interventions', view.openInterventions.length ? view.openInterventions.map((i) => `${i.name} (since ${formatDate(i.startedOn)})`).join(', ') : 'None'),
  ];
}

/** GOV.UK tag colours for intensity; the tag's words carry the meaning, the colour only repeats it. */
export const INTENSITY_TAG_CLASSES: Record<string, string> = {
  custody: 'govuk-tag--purple',
  intensive: 'govuk-tag--red',
  high: 'govuk-tag--orange',
  medium: 'govuk-tag--yellow',
  standard: 'govuk-tag--blue',
  low: 'govuk-tag--grey',
};

/** GOV.UK tag colours for strands. */
export const STRAND_TAG_CLASSES: Record<string, string> = {
  'prevent-and-deter': 'govuk-tag--green',
  'catch-and-convict': 'govuk-tag--red',
  'rehabilitate-and-resettle': 'govuk-tag--turquoise',
};
