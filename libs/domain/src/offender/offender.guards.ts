import { DomainError } from '../errors/domain-error';
import type { IsoDate } from '../shared/dates';
import { offenderStatus, type OffenderState } from './offender.state';

/** Refuses a date of something that has happened when it lies after today. */
export function happened(date: IsoDate, today: IsoDate, field: string): void {
  if (date > today) throw new DomainError('DATE.IN_FUTURE', `${field} (${date}) is after today (${today}).`, field);
}

/** Refuses dates in an impossible order: `earlier` must not be after `later`. */
export function inOrder(earlier: IsoDate, later: IsoDate, field: string, detail: string): void {
  if (earlier > later) throw new DomainError('DATE.OUT_OF_ORDER', detail, field);
}

export function requireOnScheme(state: OffenderState): void {
  if (!state.onScheme) throw new DomainError('OFFENDER.NOT_ON_SCHEME');
}

export function requireNotInCustody(state: OffenderState): void {
  if (state.custody) throw new DomainError('OFFENDER.IN_CUSTODY');
}

export function isDeselected(state: OffenderState): boolean {
  return offenderStatus(state) === 'deselected';
}
