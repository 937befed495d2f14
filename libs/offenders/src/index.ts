export * from './offenders.module';
export * from './shared/clock';
export * from './shared/application-errors';
export * from './shared/command-context';
export * from './shared/offender-stream';
export * from './shared/offender-command-runner';
export * from './shared/scheme-policies';
