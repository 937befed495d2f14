import { Access, CurrentAccess, scopedAreas, seesRestricted, type RequestAccess } from '@ppo/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReportContext } from '../../http/report-context';
import { listOffenders, type OffenderListPage, type OffenderSort } from './list-offenders';
import { ListOffendersQueryDto } from './list-offenders.dto';

@ApiTags('Offenders')
@Controller('api/offenders')
export class ListOffendersController {
  constructor(private readonly reports: ReportContext) {}

  @Get()
  @Access('reports.cases')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Offenders, filtered, sorted and paged, from the offender_journey read model' })
  @ApiOkResponse({ description: 'A page of offenders with today’s contact figures' })
  list(@Query() query: ListOffendersQueryDto, @CurrentAccess() access: RequestAccess): Promise<OffenderListPage> {
    const { sort, area, ...filter } = query;
    return listOffenders(
      this.reports.store,
      {
        ...filter,
        areas: scopedAreas(access.scope, area),
        includeRestricted: seesRestricted(access.principal.roles),
        sort: sort?.replace(/^-/, '') as OffenderSort | undefined,
        direction: sort?.startsWith('-') ? 'desc' : 'asc',
      },
      this.reports.today(),
      this.reports.policies,
    );
  }
}
