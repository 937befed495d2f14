import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access, accessOf, noteSubjects, renderPage, scopedAreas } from '@ppo/auth';
import { eligibilityReport, type EligibleCandidate, ReportContext } from '@ppo/read-models';
import type { Request, Response } from 'express';
import { areaFilter, requestedArea } from '../shared/area-options';
import { sendCsv } from '../shared/csv-download';
import { hrefWith, queryValue, wantsCsv } from '../shared/page-query';

/** The same columns as GET /api/reports/eligibility?format=csv. */
const COLUMNS = ['asOf', 'offenderId', 'crn', 'givenName', 'familyName', 'area', 'status', 'score', 'threshold', 'windowStart', 'convictionsInWindow', 'priorityConvictions', 'harmIndicators'];

const csvRow = (c: EligibleCandidate, asOf: string) => ({
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
});

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
    const { candidates, asOf } = await eligibilityReport(reports.store, reports.today(), reports.policies, scopedAreas(access.scope, area));
    // For the s.62 access log: whose details this page (or its CSV, a disclosure) showed.
    noteSubjects(request, candidates.map((c) => c.offenderId));
    if (wantsCsv(request)) return sendCsv(response, 'eligibility.csv', COLUMNS, candidates.map((c) => csvRow(c, asOf)));
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
