import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access, accessOf, noteSubjects, renderPage, scopedAreas, seesRestricted } from '@ppo/auth';
import { ELIGIBILITY_CSV, eligibilityReport, ReportContext } from '@ppo/read-models';
import type { Request, Response } from 'express';
import { areaFilter, requestedArea } from '../shared/area-options';
import { sendCsv } from '../shared/csv-download';
import { hrefWith, queryValue, wantsCsv } from '../shared/page-query';

/** Offences counted once each, in words: "theft from shops (4), burglary (1)". */
function tally(values: string[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count }));
}

/** Registered offenders not on the scheme who meet their area's criteria today, with the evidence. */
@ApiExcludeController()
@Controller('eligibility')
export class EligibilityController {
  constructor(private readonly reportContext: ReportContext) {}

  @Get()
  @Access('reports.cases')
  async report(@Req() request: Request, @Res() response: Response): Promise<void> {
    const access = accessOf(request);
    const reports = this.reportContext;
    const area = requestedArea(access.scope, queryValue(request, 'area'));
    const report = await eligibilityReport(reports.store, reports.today(), reports.policies, scopedAreas(access.scope, area), seesRestricted(access.principal.roles));
    const { candidates, asOf } = report;
    // For the s.62 access log: whose details this page (or its CSV, a disclosure) showed.
    noteSubjects(request, candidates.map((c) => c.offenderId));
    if (wantsCsv(request)) return sendCsv(response, ELIGIBILITY_CSV, report);
    renderPage(request, response, 'pages/eligibility/eligibility.njk', {
      asOf,
      areaFilter: areaFilter(access.scope, area),
      csvHref: hrefWith('/eligibility', { area, format: 'csv' }),
      candidates: candidates.map((c) => ({
        ...c,
        convictions: tally(c.eligibility.evidence.convictions.map((v) => v.offence)),
        priority: tally(c.eligibility.evidence.convictions.filter((v) => v.priority).map((v) => v.offence)),
        harm: tally(c.eligibility.evidence.harmIndicators.map((h) => h.indicator)),
      })),
    });
  }
}
