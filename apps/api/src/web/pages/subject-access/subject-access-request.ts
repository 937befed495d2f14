import type { FieldError } from '@ppo/auth';

/** The most a recipient's name may run to, as the access log keeps it. */
const RECIPIENT_MAX = 200;

/** The subject access page as asked for in its address. */
export interface SubjectAccessRequest {
  /** Whether to produce the copy (the form was sent, or the data copy asked for), or first ask who it is for. */
  produce: boolean;
  recipient?: string;
  format: 'html' | 'json';
  errors: FieldError[];
}

/**
 * Reads `?recipient=` (present, even empty, once the form is sent) and
 * `?format=json` (the data copy). A recipient too long to log is refused
 * with the error summary before anything is produced.
 */
export function readSubjectAccessRequest(query: Record<string, unknown>): SubjectAccessRequest {
  const raw = Array.isArray(query.recipient) ? query.recipient[0] : query.recipient;
  const format = query.format === 'json' ? 'json' : 'html';
  const recipient = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : undefined;
  const errors: FieldError[] = recipient && recipient.length > RECIPIENT_MAX ? [{ field: 'recipient', text: `Who it is for must be ${RECIPIENT_MAX} characters or fewer` }] : [];
  return { produce: raw !== undefined || format === 'json', recipient: recipient || undefined, format, errors };
}
