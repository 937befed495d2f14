import { Module } from '@nestjs/common';
import { VerifyLogController } from './verify-log/verify-log.controller';

/** What auditors use to trust the record: the log's integrity check (and, to come, replay and the access log). */
@Module({ controllers: [VerifyLogController] })
export class AuditModule {}
