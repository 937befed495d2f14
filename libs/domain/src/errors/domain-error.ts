/**
 * Every rule the domain can refuse, by stable code. The code never changes once
 * published (clients and the UI key on it); the title is the plain-English
 * sentence a case worker sees. `kind` says what sort of refusal it is, which
 * the HTTP edge maps to a status in one place.
 */
export const DOMAIN_ERRORS = {
  'OFFENDER.NOT_REGISTERED': { kind: 'not-found', title: 'No offender is registered with this id.' },
  'OFFENDER.ALREADY_REGISTERED': { kind: 'conflict', title: 'This offender is already registered.' },
  'OFFENDER.ALREADY_ON_SCHEME': { kind: 'conflict', title: 'This offender is already on the scheme.' },
  'OFFENDER.NOT_ON_SCHEME': { kind: 'conflict', title: 'This offender is not on the scheme.' },
  'OFFENDER.DESELECTED': {
    kind: 'conflict',
    title: 'This offender has been deselected: re-adopt them before recording supervision.',
  },
  'OFFENDER.IN_CUSTODY': { kind: 'conflict', title: 'This offender is in custody.' },
  'OFFENDER.NOT_IN_CUSTODY': { kind: 'conflict', title: 'This offender is not in custody.' },
  'ADOPTION.REASON_REQUIRED': {
    kind: 'conflict',
    title: 'This offender does not meet the local selection criteria: give the panel’s reason for adopting them.',
  },
  'ADOPTION.PREVENT_AND_DETER_FOR_UNDER_18': {
    kind: 'conflict',
    title: 'A young person under 18 at adoption is adopted on the Prevent and Deter strand.',
  },
  'CONTACT_FREQUENCY.NOT_LOWER': { kind: 'conflict', title: 'A reduction must be lower than the current contact frequency.' },
  'CONTACT_FREQUENCY.NOT_HIGHER': { kind: 'conflict', title: 'An increase must be higher than the current contact frequency.' },
  'CONTACT_FREQUENCY.BELOW_MINIMUM': { kind: 'conflict', title: 'This is below the area’s minimum contact frequency.' },
  'CONTACT_FREQUENCY.NOT_STABLE': {
    kind: 'conflict',
    title: 'Contact can only be reduced after a stable period with no lapse.',
  },
  'LAPSE.NOT_FOUND': { kind: 'not-found', title: 'No lapse with this id is recorded for this offender.' },
  'FAST_TRACK.NOT_FOUND': { kind: 'not-found', title: 'No fast-track with this id is recorded for this offender.' },
  'COURT_OUTCOME.DETAILS_REQUIRED': {
    kind: 'invalid',
    title: 'A custody outcome needs the sentence length, and a new community order needs its end date.',
  },
  'INTERVENTION.NOT_FOUND': { kind: 'not-found', title: 'No intervention with this id is recorded for this offender.' },
  'INTERVENTION.ALREADY_COMPLETED': { kind: 'conflict', title: 'This intervention has already ended.' },
  'COMMUNITY_ORDER.NOT_FOUND': { kind: 'not-found', title: 'No community order with this id is recorded for this offender.' },
  'COMMUNITY_ORDER.ALREADY_ENDED': { kind: 'conflict', title: 'This community order has already ended.' },
  'STRAND.ALREADY_ACTIVE': { kind: 'conflict', title: 'This strand is already active.' },
  'STRAND.NOT_ACTIVE': { kind: 'conflict', title: 'This strand is not active.' },
  'STRAND.LAST_ACTIVE': {
    kind: 'conflict',
    title: 'The last active strand cannot be ended: deselect the offender instead.',
  },
  'DESELECTION.EXIT_PLAN_REQUIRED': {
    kind: 'conflict',
    title: 'An exit plan, with the voluntary support arranged, is needed before deselection.',
  },
  'EVENT.NOT_FOUND': { kind: 'not-found', title: 'No event with this id is recorded for this offender.' },
  'EVENT.ALREADY_RETRACTED': { kind: 'conflict', title: 'This event has already been retracted.' },
  'EVENT.NOT_CORRECTABLE': {
    kind: 'conflict',
    title: 'Only convictions, arrests, harm indicators, contacts and lapses can be retracted or rectified, as a fact of the same kind.',
  },
  'EVENT.STILL_REFERENCED': { kind: 'conflict', title: 'A fast-track follows this lapse, so the lapse cannot be retracted.' },
  'OFFENDER.ALREADY_RESTRICTED': { kind: 'conflict', title: 'Processing of this record is already restricted.' },
  'OFFENDER.NOT_RESTRICTED': { kind: 'conflict', title: 'Processing of this record is not restricted.' },
  'OFFENDER.ERASED': { kind: 'conflict', title: "This offender's personal data has been erased: the record can no longer be changed." },
  'OFFENDER.ON_LEGAL_HOLD': { kind: 'conflict', title: 'A legal hold is in place: the personal data must be kept until it is released.' },
  'OFFENDER.ALREADY_ON_LEGAL_HOLD': { kind: 'conflict', title: 'A legal hold is already in place on this record.' },
  'OFFENDER.NOT_ON_LEGAL_HOLD': { kind: 'conflict', title: 'There is no legal hold on this record.' },
  'DATE.IN_FUTURE': { kind: 'invalid', title: 'The date of something that has happened cannot be in the future.' },
  'DATE.OUT_OF_ORDER': { kind: 'invalid', title: 'The dates are in an impossible order.' },
} as const satisfies Record<string, { kind: DomainErrorKind; title: string }>;

/** What sort of refusal: the target does not exist, the rule forbids it now, or the input cannot be true. */
export type DomainErrorKind = 'not-found' | 'conflict' | 'invalid';

/** A stable domain error code, e.g. `OFFENDER.NOT_ON_SCHEME`. */
export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

/** A rule the domain refused. Thrown by `decide`; carries no personal data. */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly title: string;

  /**
   * @param code the stable code
   * @param detail what exactly was wrong, in words (optional; defaults to the title)
   * @param field the request field the error is about, when there is one
   */
  constructor(
    readonly code: DomainErrorCode,
    readonly detail?: string,
    readonly field?: string,
  ) {
    super(detail ?? DOMAIN_ERRORS[code].title);
    this.name = 'DomainError';
    this.kind = DOMAIN_ERRORS[code].kind;
    this.title = DOMAIN_ERRORS[code].title;
  }
}
