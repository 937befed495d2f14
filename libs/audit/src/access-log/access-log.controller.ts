import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Access } from '@ppo/auth';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { Request } from 'express';
import type { AccessLogEntry } from './access-log-entry';
import { noteAccessLogSearch } from './access-log-notes';
import { SqliteAccessLog } from './sqlite-access-log';

export class AccessLogQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Entries about this offender' })
  @IsOptional()
  @IsUUID(undefined, { message: 'subject must be an offender id (a UUID)' })
  subject?: string;

  @ApiPropertyOptional({ description: 'Entries by this user (id or username)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  user?: string;

  @ApiPropertyOptional({ description: 'On or after this date or instant' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date or an ISO 8601 instant' })
  from?: string;

  @ApiPropertyOptional({ description: 'On or before this date, or before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date or an ISO 8601 instant' })
  to?: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

@ApiTags('Audit')
@Controller('api/audit/access-log')
export class AccessLogController {
  constructor(private readonly log: SqliteAccessLog) {}

  @Get()
  @Access('audit.read')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The s.62 log: who consulted, disclosed or altered whose data, when, by which route and why; newest first. The search is itself logged' })
  @ApiOkResponse({ description: 'A page of entries' })
  search(@Query() query: AccessLogQueryDto, @Req() request: Request): { entries: AccessLogEntry[]; total: number; page: number; pageSize: number } {
    const found = this.log.search(query);
    noteAccessLogSearch(request, query.subject);
    return found;
  }
}
