import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access, accessOf, noteSubjects, renderPage, scopedAreas, seesRestricted } from '@ppo/auth';
import { INTENSITIES, OFFENDER_STATUSES, STRANDS } from '@ppo/domain';
import { listOffenders, type OffenderSort, ReportContext } from '@ppo/read-models';
import type { Request, Response } from 'express';
import { areaFilter, requestedArea } from '../shared/area-options';
import { queryChoice, queryPage, queryValue } from '../shared/page-query';
import { filterChoices, headerCells, pagination, selectedFilters, SORT_KEYS, type OffenderListQuery } from './offender-list-view';

/** The offender list: filtered, sorted and paged on the server, so it all works without JavaScript. */
@ApiExcludeController()
@Controller('offenders')
export class OffendersController {
  constructor(private readonly reportContext: ReportContext) {}

  @Get()
  @Access('reports.cases')
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const access = accessOf(request);
    const reports = this.reportContext;
    const sortValue = queryValue(request, 'sort') ?? 'name';
    const sortKey = sortValue.replace(/^-/, '') as OffenderSort;
    const pageSize = queryPage(request, 'pageSize');
    const query: OffenderListQuery = {
      strand: queryChoice(request, 'strand', STRANDS),
      intensity: queryChoice(request, 'intensity', INTENSITIES),
      status: queryChoice(request, 'status', OFFENDER_STATUSES),
      area: requestedArea(access.scope, queryValue(request, 'area')),
      officer: queryValue(request, 'officer'),
      q: queryValue(request, 'q')?.slice(0, 100),
      sort: SORT_KEYS.includes(sortKey) ? sortKey : 'name',
      direction: SORT_KEYS.includes(sortKey) && sortValue.startsWith('-') ? 'desc' : 'asc',
      page: queryPage(request) ?? 1,
      pageSize: pageSize && pageSize <= 100 ? pageSize : 25,
    };
    const { area, sort, direction, page, ...filter } = query;
    const result = await listOffenders(
      reports.store,
      { ...filter, areas: scopedAreas(access.scope, area), includeRestricted: seesRestricted(access.principal.roles), sort, direction, page, pageSize: query.pageSize },
      reports.today(),
      reports.policies,
    );
    // For the s.62 access log: whose details this page showed.
    noteSubjects(request, result.items.map((o) => o.offenderId));
    const showArea = access.scope.all || access.scope.areas.length > 1;
    renderPage(request, response, 'pages/offenders/offenders.njk', {
      query,
      result,
      headers: headerCells(query, showArea),
      showArea,
      pagination: pagination(query, result),
      choices: filterChoices(query),
      areaFilter: areaFilter(access.scope, query.area),
      selectedFilters: selectedFilters(query),
    });
  }
}
