import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SchemePolicies } from '@ppo/domain';
import { CLOCK, SCHEME_POLICIES, type Clock } from '@ppo/offenders';
import { READ_MODEL_STORE, type ReadModelStore } from '../../store/read-model-store.port';
import { listOffenders, type OffenderListPage, type OffenderSort } from './list-offenders';
import { ListOffendersQueryDto } from './list-offenders.dto';

@ApiTags('Offenders')
@Controller('api/offenders')
export class ListOffendersController {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEME_POLICIES) private readonly policies: SchemePolicies,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Offenders, filtered, sorted and paged, from the offender_journey read model' })
  @ApiOkResponse({ description: 'A page of offenders with today’s contact figures' })
  list(@Query() query: ListOffendersQueryDto): Promise<OffenderListPage> {
    const { sort, ...filter } = query;
    return listOffenders(
      this.store,
      {
        ...filter,
        sort: sort?.replace(/^-/, '') as OffenderSort | undefined,
        direction: sort?.startsWith('-') ? 'desc' : 'asc',
      },
      this.clock.today(),
      this.policies,
    );
  }
}
