import { Access, CurrentAccess, scopedAreas, seesRestricted, type RequestAccess } from '@ppo/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CsvExport } from '../../http/csv-export';
import { AreaReportQueryDto, ReportContext } from '../../http/report-context';
import { CASELOADS_CSV, caseloadsReport, type CaseloadsReport } from './caseloads-report';


@ApiTags('Reports')
@Controller('api/reports/caseloads')
export class CaseloadsReportController {
  constructor(private readonly reports: ReportContext) {}

  @Get()
  @Access('reports.caseloads')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Per probation and police officer: offenders, contacts required and delivered this week, overdue' })
  @ApiQuery({ name: 'area', required: false })
  @ApiOkResponse({ description: 'One entry per officer' })
  @CsvExport(CASELOADS_CSV)
  report(@Query() query: AreaReportQueryDto, @CurrentAccess() access: RequestAccess): Promise<CaseloadsReport> {
    return caseloadsReport(this.reports.store, this.reports.today(), this.reports.policies, scopedAreas(access.scope, query.area), seesRestricted(access.principal.roles));
  }
}
