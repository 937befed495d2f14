import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SchemePolicies } from '@ppo/domain';
import { CLOCK, SCHEME_POLICIES, type Clock } from '@ppo/offenders';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CsvExport, ReportQueryDto } from '../../http/csv-export';
import { READ_MODEL_STORE, type ReadModelStore } from '../../store/read-model-store.port';
import { caseloadsReport, type Caseload } from './caseloads-report';

class CaseloadsQueryDto extends ReportQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(50)
  area?: string;
}

type CaseloadsReport = { caseloads: Caseload[]; weekStarting: string; asOf: string };

@ApiTags('Reports')
@Controller('api/reports/caseloads')
export class CaseloadsReportController {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEME_POLICIES) private readonly policies: SchemePolicies,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Per probation and police officer: offenders, contacts required and delivered this week, overdue' })
  @ApiQuery({ name: 'area', required: false })
  @ApiOkResponse({ description: 'One entry per officer' })
  @CsvExport<CaseloadsReport>('caseloads.csv', ({ caseloads, weekStarting }) => caseloads.map((c) => ({ weekStarting, ...c })))
  report(@Query() query: CaseloadsQueryDto): Promise<CaseloadsReport> {
    return caseloadsReport(this.store, this.clock.today(), this.policies, query.area);
  }
}
