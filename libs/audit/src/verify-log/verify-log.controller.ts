import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@ppo/auth';
import { EVENT_STORE, verifyLog, type EventStore, type IntegrityReport } from '@ppo/event-store';

@ApiTags('Audit')
@Controller('api/audit/verify')
export class VerifyLogController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  @Get()
  @Access('audit.read')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Re-check the whole event log: every event’s hash, every stream’s chain and every seal; names the stream and position of the first break',
  })
  @ApiOkResponse({ description: 'ok, what was checked, and the first break if there is one' })
  async verify(): Promise<IntegrityReport & { checkedAt: string }> {
    const report = await verifyLog(this.events);
    return { ...report, checkedAt: new Date().toISOString() };
  }
}
