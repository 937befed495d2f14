import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '@ppo/auth';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { OffenderId } from '../../shared/http/offender-command-endpoint.decorator';
import { GetOffenderStateAtQuery } from './get-offender-state-at.query';
import type { OffenderStateAtView } from './get-offender-state-at.handler';

export class OffenderStateAtQueryDto {
  @ApiProperty({ format: 'date', description: 'The date the state is wanted for', example: '2026-06-30' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asAt must be a date in the form YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'asAt must be a real calendar date' })
  asAt!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only what had been recorded by this instant (default: now)', example: '2026-07-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'knownAt must be an ISO 8601 date and time, such as 2026-07-01T09:00:00Z' })
  knownAt?: string;
}

@ApiTags('Offenders')
@Controller('api/offenders/:offenderId/state')
export class GetOffenderStateAtController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Access('offender.read', { offenderParam: 'offenderId' })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Bitemporal replay: the derived state as true on asAt, according to what had been recorded by knownAt' })
  @ApiOkResponse({ description: 'The state then, and how many events went into it' })
  @ApiResponse({ status: 404, description: 'No such offender in your areas' })
  get(@OffenderId() offenderId: string, @Query() query: OffenderStateAtQueryDto): Promise<OffenderStateAtView> {
    // A date alone for knownAt means the end of that day; without one, everything recorded so far.
    const knownAt = query.knownAt && (/^\d{4}-\d{2}-\d{2}$/.test(query.knownAt) ? `${query.knownAt}T23:59:59.999Z` : new Date(query.knownAt).toISOString());
    return this.queryBus.execute(new GetOffenderStateAtQuery(offenderId, query.asAt, knownAt || undefined));
  }
}
