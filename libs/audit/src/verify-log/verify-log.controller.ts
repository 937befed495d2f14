import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@ppo/auth';
import { EVENT_STORE, verifyLog, type EventStore, type IntegrityReport } from '@ppo/event-store';
import type { AccessLogIntegrity } from '../access-log/access-log-entry';
import { SqliteAccessLog } from '../access-log/sqlite-access-log';

@ApiTags('Audit')
@Controller('api/audit/verify')
export class VerifyLogController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly accessLog: SqliteAccessLog,
  ) {}

  @Get()
  @Access('audit.read')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Re-check the whole event log (every event’s hash, every stream’s chain and every seal) and the access log’s chain; names the first break',
  })
  @ApiOkResponse({ description: 'ok, what was checked, and the first break if there is one' })
  async verify(): Promise<IntegrityReport & { accessLog: AccessLogIntegrity; checkedAt: string }> {
    const report = await verifyLog(this.events);
    const accessLog = this.accessLog.verify();
    return { ...report, ok: report.ok && accessLog.ok, accessLog, checkedAt: new Date().toISOString() };
  }
}
