import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SchemePolicies } from '@ppo/domain';
import { CLOCK, SCHEME_POLICIES, type Clock } from '@ppo/offenders';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { READ_MODEL_STORE, type ReadModelStore } from '../../store/read-model-store.port';
import { eligibilityReport, type EligibleCandidate } from './eligibility-report';

class EligibilityReportQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(50)
  area?: string;
}

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
  report(@Query() query: EligibilityReportQueryDto): Promise<{ candidates: EligibleCandidate[]; asOf: string }> {
    return eligibilityReport(this.store, this.clock.today(), this.policies, query.area);
  }
}
