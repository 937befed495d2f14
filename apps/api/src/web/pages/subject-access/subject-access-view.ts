import type { SubjectAccessExport } from '@ppo/audit';
import type { Principal, Role } from '@ppo/auth';
import { applyCorrections, foldOffender, upcastOffenderEvent } from '@ppo/domain';
import { describeEvent } from '../../shared/describe-event';
import { formatDate, formatDateTime, sentence, words } from '../../shared/format';
import { entryRows } from '../audit/access-log/access-log-view';
import { rowInWords, valueInWords, type SummaryRow } from './read-model-values';

/** What each read model is, for someone reading their own data. */
const READ_MODELS: Record<string, string> = {
  offender_journey: 'Their record as the case lists show it',
  eligibility: 'The evidence for selecting them onto the scheme',
  scheme_timeline: 'Their standing on the scheme over time, for the scheme’s figures',
  activity: 'Who recorded what about them',
};

const ROLE_NAMES: Partial<Record<Role, string>> = { dpo: 'data protection officer' };

const row = (key: string, value: string): SummaryRow => ({ key: { text: key }, value: { text: value } });

/** A PascalCase name from the log (`ConvictionRecorded`) in words: "Conviction recorded". */
const pascalInWords = (name: string | null | undefined) => (name ? sentence(name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()) : 'None');

/**
 * The printable subject access copy, from the export: who it is about, who
 * produced it, when and for whom; their details; every event of their record
 * in plain words, oldest first; each read model's rows about them; and every
 * access-log entry about them (without the other offenders an entry may name,
 * whose data this copy must not disclose).
 */
export function subjectAccessView(data: SubjectAccessExport, producedBy: { principal: Principal; role: Role }, recipient: string | undefined) {
  const history = data.events.map((stored) => ({ eventId: stored.eventId, event: upcastOffenderEvent(stored) }));
  const state = foldOffender(applyCorrections(history).map((r) => r.event));
  const personal = state.personal;
  const name = personal ? `${personal.givenName} ${personal.familyName}` : 'this person';
  const { principal, role } = producedBy;

  const about = [
    row('Produced on', formatDateTime(data.producedAt)),
    row('Produced by', `${principal.displayName} (${principal.username}), ${ROLE_NAMES[role] ?? words(role)}`),
    row('For', recipient ?? 'Not given'),
    row('Offender ID', data.offenderId),
  ];
  const details = [
    row('Name', name),
    row('Case reference number (CRN)', personal?.crn ?? 'None'),
    row('Police National Computer ID', personal?.pncId ?? 'None recorded'),
    row('Date of birth', personal ? formatDate(personal.dateOfBirth) : 'None'),
    row('Area', sentence(state.area)),
    row('Registered on', formatDate(state.registeredOn)),
    ...(state.restriction ? [row('Processing restricted', `Since ${formatDate(state.restriction.since)}: ${state.restriction.reason}`)] : []),
  ];
  const events = data.events.map((stored, i) => {
    const { title, detail } = describeEvent(history[i].event);
    const { actor, occurredAt } = stored.metadata;
    return {
      number: stored.version,
      title,
      detail,
      occurredOn: formatDate(occurredAt),
      recordedAt: formatDateTime(stored.recordedAt),
      by: actor.userId === 'system' ? 'the service' : `${actor.username ?? actor.userId} (${actor.role})`,
    };
  });
  const readModels = Object.entries(data.readModels).map(([table, rows]) => ({
    table,
    title: READ_MODELS[table] ?? nameOfTable(table),
    rows: table === 'activity' ? [] : rows.map(rowInWords),
    activity:
      table === 'activity'
        ? rows.map((r) => ({
            position: valueInWords(r.position),
            recordedAt: valueInWords(r.recorded_at),
            event: pascalInWords(r.event_type as string | null),
            command: pascalInWords(r.command_type as string | null),
            by: `${valueInWords(r.user_id)} (${valueInWords(r.role)}${r.actor_area ? `, ${valueInWords(r.actor_area)}` : ''})`,
            correlationId: valueInWords(r.correlation_id),
          }))
        : [],
  }));
  const accessLog = entryRows(data.accessLog).map(({ sequence, at, when, who, role: byRole, kind, route, purpose, recipient: to }) => ({ sequence, at, when, who, role: byRole, kind, route, purpose, recipient: to }));
  return { name, crn: personal?.crn, about, details, events, readModels, accessLog };
}

const nameOfTable = (table: string) => sentence(table.replace(/_/g, '-'));
