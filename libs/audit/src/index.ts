export * from './access-log/access-log-entry';
export * from './access-log/access-log-notes';
export * from './access-log/access-log.interceptor';
export * from './access-log/sqlite-access-log';
export * from './audit.module';
export * from './subject-access/subject-access-exporter';
