import { Access, CurrentAccess, scopedAreas, type RequestAccess } from '@ppo/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { addMonths } from '@ppo/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CsvExport } from '../../http/csv-export';
import { AreaReportQueryDto, ReportContext } from '../../http/report-context';
import { schemeSummaryReport, type SchemeMonth } from './scheme-summary-report';

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

type SchemeSummary = { months: SchemeMonth[]; asOf: string };

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
  @CsvExport<SchemeSummary>(
    'scheme-summary.csv',
    ['area', 'month', 'cohort', 'inCustody', 'preventAndDeter', 'catchAndConvict', 'rehabilitateAndResettle', 'intensive', 'high', 'medium', 'standard', 'low', 'adoptions', 'deselections', 'lapses', 'fastTracks', 'contactsAttended', 'contactsRequired', 'compliancePercent', 'meanDaysLapseToFastTrack', 'offendingCohort', 'offendingBefore', 'offendingAfter', 'offendingReductionPercent'],
    ({ months }) =>
    months.map((m) => ({
      area: m.area,
      month: m.month,
      cohort: m.cohort.total,
      inCustody: m.cohort.inCustody,
      preventAndDeter: m.cohort.byStrand['prevent-and-deter'] ?? 0,
      catchAndConvict: m.cohort.byStrand['catch-and-convict'] ?? 0,
      rehabilitateAndResettle: m.cohort.byStrand['rehabilitate-and-resettle'] ?? 0,
      intensive: m.cohort.byIntensity.intensive ?? 0,
      high: m.cohort.byIntensity.high ?? 0,
      medium: m.cohort.byIntensity.medium ?? 0,
      standard: m.cohort.byIntensity.standard ?? 0,
      low: m.cohort.byIntensity.low ?? 0,
      adoptions: m.adoptions,
      deselections: m.deselections,
      lapses: m.lapses,
      fastTracks: m.fastTracks,
      contactsAttended: m.contactCompliance.attended,
      contactsRequired: m.contactCompliance.required,
      compliancePercent: m.contactCompliance.percent,
      meanDaysLapseToFastTrack: m.lapseToFastTrack.meanDays,
      offendingCohort: m.offending.offenders,
      offendingBefore: m.offending.before,
      offendingAfter: m.offending.after,
      offendingReductionPercent: m.offending.reductionPercent,
    })),
  )
  report(@Query() query: SchemeSummaryQueryDto, @CurrentAccess() access: RequestAccess): Promise<SchemeSummary> {
    const today = this.reports.today();
    const to = query.to ?? today.slice(0, 7);
    const from = query.from ?? addMonths(`${to}-01`, -11).slice(0, 7);
    return schemeSummaryReport(this.reports.store, { areas: scopedAreas(access.scope, query.area), from, to, today, offendingWindowMonths: query.window });
  }
}
