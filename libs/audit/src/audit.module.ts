import { Module, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessLogController } from './access-log/access-log.controller';
import { AccessLogInterceptor } from './access-log/access-log.interceptor';
import { SqliteAccessLog } from './access-log/sqlite-access-log';
import { SubjectAccessController } from './subject-access/subject-access.controller';
import { SubjectAccessExporter } from './subject-access/subject-access-exporter';
import { VerifyLogController } from './verify-log/verify-log.controller';

/** Where the audit trail is kept. */
export interface AuditModuleOptions {
  /** The s.62 access log (audit.db in the data directory). */
  accessLogPath: string;
}

/**
 * What auditors use to trust the record: the log's integrity check, and the
 * s.62 access log that every consultation, disclosure and alteration writes to.
 */
@Module({})
export class AuditModule implements OnModuleDestroy {
  constructor(private readonly accessLog: SqliteAccessLog) {}

  static forRoot(options: AuditModuleOptions): DynamicModule {
    return {
      module: AuditModule,
      // The pages search and verify the same access log, and print the same subject access export.
      global: true,
      controllers: [VerifyLogController, AccessLogController, SubjectAccessController],
      providers: [
        { provide: SqliteAccessLog, useFactory: () => new SqliteAccessLog(options.accessLogPath) },
        { provide: APP_INTERCEPTOR, useClass: AccessLogInterceptor },
        SubjectAccessExporter,
      ],
      exports: [SqliteAccessLog, SubjectAccessExporter],
    };
  }

  onModuleDestroy(): void {
    this.accessLog.close();
  }
}
