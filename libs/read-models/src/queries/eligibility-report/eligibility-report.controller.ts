import { Access, CurrentAccess, scopedAreas, type RequestAccess } from '@ppo/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CsvExport } from '../../http/csv-export';
import { AreaReportQueryDto, ReportContext } from '../../http/report-context';
import { eligibilityReport, type EligibleCandidate } from './eligibility-report';

type EligibilityReport = { candidates: EligibleCandidate[]; asOf: string };

@ApiTags('Reports')
@Controller('api/reports/eligibility')
export class EligibilityReportController {
  constructor(private readonly reports: ReportContext) {}

  @Get()
  @Access('reports.cases')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Registered offenders not on the scheme who meet their area’s policy today, with the evidence' })
  @ApiQuery({ name: 'area', required: false })
  @ApiOkResponse({ description: 'Candidates, highest score first' })
  @CsvExport<EligibilityReport>(
    'eligibility.csv',
    ['asOf', 'offenderId', 'crn', 'givenName', 'familyName', 'area', 'status', 'score', 'threshold', 'windowStart', 'convictionsInWindow', 'priorityConvictions', 'harmIndicators'],
    ({ candidates, asOf }) =>
    candidates.map((c) => ({
      asOf,
      offenderId: c.offenderId,
      crn: c.crn,
      givenName: c.givenName,
      familyName: c.familyName,
      area: c.area,
      status: c.status,
      score: c.eligibility.score,
      threshold: c.eligibility.threshold,
      windowStart: c.eligibility.windowStart,
      convictionsInWindow: c.eligibility.evidence.convictions.length,
      priorityConvictions: c.eligibility.evidence.convictions.filter((v) => v.priority).length,
      harmIndicators: c.eligibility.evidence.harmIndicators.length,
    })),
  )
  report(@Query() query: AreaReportQueryDto, @CurrentAccess() access: RequestAccess): Promise<EligibilityReport> {
    return eligibilityReport(this.reports.store, this.reports.today(), this.reports.policies, scopedAreas(access.scope, query.area));
  }
}
