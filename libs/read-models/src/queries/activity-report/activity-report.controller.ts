import { Access, CurrentAccess, scopedAreas, type RequestAccess } from '@ppo/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CsvExport, ReportQueryDto } from '../../http/csv-export';
import { ReportContext } from '../../http/report-context';
import { ACTIVITY_CSV, activityReport, type ActivityReport } from './activity-report';

class ActivityQueryDto extends ReportQueryDto {
  @IsOptional()
  @IsUUID()
  offender?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  user?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}


@ApiTags('Reports')
@Controller('api/reports/activity')
export class ActivityReportController {
  constructor(private readonly reports: ReportContext) {}

  @Get()
  @Access('reports.activity')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who issued which command when, newest first, per offender (offender=) or per user (user=), between from= and to=' })
  @ApiOkResponse({ description: 'A page of commands' })
  @CsvExport(ACTIVITY_CSV)
  report(@Query() query: ActivityQueryDto, @CurrentAccess() access: RequestAccess): Promise<ActivityReport> {
    return activityReport(this.reports.store, { areas: scopedAreas(access.scope), offenderId: query.offender, userId: query.user, from: query.from, to: query.to, page: query.page, pageSize: query.pageSize });
  }
}
