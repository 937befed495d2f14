export * from './shared/dates';
export * from './shared/vocabulary';
export * from './errors/domain-error';
export * from './policy/scheme-policy';
export * from './offender/offender.events';
export * from './offender/offender.commands';
export * from './offender/offender.state';
export * from './offender/offender.decide';
export * from './offender/offender.corrections';
export * from './offender/offender.data-protection';
export * from './offender/offender.personal-data';
export * from './offender/offender.decider';
export * from './offender/offender.upcasters';
export * from './derived/current-strand';
export * from './derived/supervision-intensity';
export * from './derived/eligibility';
export * from './derived/offender-summary';
export * from './derived/bitemporal';
export * from './derived/provenance';

/** Stream name of an offender: no personal data, only the id. */
export function offenderStreamId(offenderId: string): string {
  return `offender-${offenderId}`;
}
