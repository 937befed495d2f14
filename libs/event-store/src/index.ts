export * from './event-store.port';
export * from './event-store-location';
export * from './sqlite/sqlite-event-store';
export * from './esdb/esdb-event-store';
export * from './nest/event-store.module';
export * from './integrity/event-hash';
export * from './integrity/verify-log';
