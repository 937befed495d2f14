import { Inject, Injectable } from '@nestjs/common';
import type { IsoDate, SchemePolicies } from '@ppo/domain';
import { CLOCK, SCHEME_POLICIES, type Clock } from '@ppo/offenders';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { READ_MODEL_STORE, type ReadModelStore } from '../store/read-model-store.port';
import { ReportQueryDto } from './csv-export';

/** What every report reads: the read models, today's date where the scheme is, and the area policies. */
@Injectable()
export class ReportContext {
  constructor(
    @Inject(READ_MODEL_STORE) readonly store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEME_POLICIES) readonly policies: SchemePolicies,
  ) {}

  today(): IsoDate {
    return this.clock.today();
  }
}

/** Query string of a report that can be narrowed to one area. */
export class AreaReportQueryDto extends ReportQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(50)
  area?: string;
}
