import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access, accessOf, renderPage, scopedAreas, seesRestricted } from '@ppo/auth';
import { CASELOADS_CSV, caseloadsReport, ReportContext } from '@ppo/read-models';
import type { Request, Response } from 'express';
import { areaFilter, requestedArea } from '../shared/area-options';
import { sendCsv } from '../shared/csv-download';
import { hrefWith, queryValue, wantsCsv } from '../shared/page-query';


/** Each probation and police officer's caseload this week: officers' names and counts, no offender's personal data. */
@ApiExcludeController()
@Controller('caseloads')
export class CaseloadsController {
  constructor(private readonly reportContext: ReportContext) {}

  @Get()
  @Access('reports.caseloads')
  async report(@Req() request: Request, @Res() response: Response): Promise<void> {
    const access = accessOf(request);
    const reports = this.reportContext;
    const area = requestedArea(access.scope, queryValue(request, 'area'));
    const report = await caseloadsReport(reports.store, reports.today(), reports.policies, scopedAreas(access.scope, area), seesRestricted(access.principal.roles));
    if (wantsCsv(request)) return sendCsv(response, CASELOADS_CSV, report);
    const { caseloads, weekStarting, asOf } = report;
    renderPage(request, response, 'pages/caseloads/caseloads.njk', {
      asOf,
      weekStarting,
      caseloads,
      areaFilter: areaFilter(access.scope, area),
      csvHref: hrefWith('/caseloads', { area, format: 'csv' }),
    });
  }
}
