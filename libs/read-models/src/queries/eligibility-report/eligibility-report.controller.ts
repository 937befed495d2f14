import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SchemePolicies } from '@ppo/domain';
import { CLOCK, SCHEME_POLICIES, type Clock } from '@ppo/offenders';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CsvExport, ReportQueryDto } from '../../http/csv-export';
import { READ_MODEL_STORE, type ReadModelStore } from '../../store/read-model-store.port';
import { eligibilityReport, type EligibleCandidate } from './eligibility-report';

class EligibilityReportQueryDto extends ReportQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(50)
  area?: string;
}

type EligibilityReport = { candidates: EligibleCandidate[]; asOf: string };

@ApiTags('Reports')
@Controller('api/reports/eligibility')
export class EligibilityReportController {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEME_POLICIES) private readonly policies: SchemePolicies,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Registered offenders not on the scheme who meet their area’s policy today, with the evidence' })
  @ApiQuery({ name: 'area', required: false })
  @ApiOkResponse({ description: 'Candidates, highest score first' })
  @CsvExport<EligibilityReport>('eligibility.csv', ({ candidates, asOf }) =>
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
  report(@Query() query: EligibilityReportQueryDto): Promise<EligibilityReport> {
    return eligibilityReport(this.store, this.clock.today(), this.policies, query.area);
  }
}
