import { Access, CurrentAccess, scopedAreas, seesRestricted, type RequestAccess } from '@ppo/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CsvExport } from '../../http/csv-export';
import { AreaReportQueryDto, ReportContext } from '../../http/report-context';
import { ELIGIBILITY_CSV, eligibilityReport, type EligibilityReport } from './eligibility-report';


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
  @CsvExport(ELIGIBILITY_CSV)
  report(@Query() query: AreaReportQueryDto, @CurrentAccess() access: RequestAccess): Promise<EligibilityReport> {
    return eligibilityReport(this.reports.store, this.reports.today(), this.reports.policies, scopedAreas(access.scope, query.area), seesRestricted(access.principal.roles));
  }
}
