export * from './observability.module';
export * from './observability-config';
export * from './metrics/app-metrics';
export * from './metrics/command-metrics';
export * from './metrics/event-store-metrics';
export * from './health/readiness-checks';
export * from './request-log';
