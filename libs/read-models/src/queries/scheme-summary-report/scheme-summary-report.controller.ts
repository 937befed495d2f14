import { Access, CurrentAccess, scopedAreas, type RequestAccess } from '@ppo/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { addMonths } from '@ppo/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CsvExport } from '../../http/csv-export';
import { AreaReportQueryDto, ReportContext } from '../../http/report-context';
import { SCHEME_SUMMARY_CSV, schemeSummaryReport, type SchemeSummary } from './scheme-summary-report';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

class SchemeSummaryQueryDto extends AreaReportQueryDto {
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month, YYYY-MM' })
  from?: string;

  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month, YYYY-MM' })
  to?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36)
  window?: number;
}


@ApiTags('Reports')
@Controller('api/reports/scheme-summary')
export class SchemeSummaryReportController {
  constructor(private readonly reports: ReportContext) {}

  @Get()
  @Access('reports.aggregate')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Per area and month: cohort by strand, intensity and custody; adoptions and deselections; lapses and fast-tracks; contact compliance; days from lapse to fast-track; offending before and after adoption',
  })
  @ApiQuery({ name: 'area', required: false })
  @ApiQuery({ name: 'from', required: false, description: 'First month, YYYY-MM (default: eleven months ago)' })
  @ApiQuery({ name: 'to', required: false, description: 'Last month, YYYY-MM (default: this month)' })
  @ApiQuery({ name: 'window', required: false, description: 'Months before and after adoption compared for offending (default 12)' })
  @ApiOkResponse({ description: 'One entry per area and month' })
  @CsvExport(SCHEME_SUMMARY_CSV)
  report(@Query() query: SchemeSummaryQueryDto, @CurrentAccess() access: RequestAccess): Promise<SchemeSummary> {
    const today = this.reports.today();
    const to = query.to ?? today.slice(0, 7);
    const from = query.from ?? addMonths(`${to}-01`, -11).slice(0, 7);
    return schemeSummaryReport(this.reports.store, { areas: scopedAreas(access.scope, query.area), from, to, today, offendingWindowMonths: query.window });
  }
}
