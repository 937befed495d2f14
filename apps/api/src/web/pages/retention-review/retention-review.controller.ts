import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access, accessOf, noteSubjects, renderPage, scopedAreas, seesRestricted } from '@ppo/auth';
import { RETENTION_REVIEW_CSV, retentionReview, ReportContext } from '@ppo/read-models';
import type { Request, Response } from 'express';
import { areaFilter, requestedArea } from '../shared/area-options';
import { sendCsv } from '../shared/csv-download';
import { queryPage, queryValue, wantsCsv } from '../shared/page-query';
import { overdueFor, pagination, reviewHref } from './retention-review-view';

const PAGE_SIZE = 25;

/**
 * The DPO's retention review: deselected offenders whose area's retention period has run out, longest due first,
 * and those a legal hold keeps, apart. Each links to the offender's page, where the record is kept or erased.
 */
@ApiExcludeController()
@Controller('retention-review')
export class RetentionReviewPageController {
  constructor(private readonly reportContext: ReportContext) {}

  @Get()
  @Access('retention.review')
  async report(@Req() request: Request, @Res() response: Response): Promise<void> {
    const access = accessOf(request);
    const reports = this.reportContext;
    const area = requestedArea(access.scope, queryValue(request, 'area'));
    const csv = wantsCsv(request);
    const report = await retentionReview(reports.store, reports.today(), reports.policies, {
      areas: scopedAreas(access.scope, area),
      includeRestricted: seesRestricted(access.principal.roles),
      page: csv ? 1 : (queryPage(request) ?? 1),
      pageSize: csv ? undefined : PAGE_SIZE,
    });
    const { asOf, due, held } = report;
    // For the s.62 access log: whose details this page (or its CSV, a disclosure) showed.
    noteSubjects(request, [...due.items, ...held.items].map((item) => item.offenderId));
    if (csv) return sendCsv(response, RETENTION_REVIEW_CSV, report);
    const withOverdue = <T extends { dueOn: string }>(item: T) => ({ ...item, overdue: overdueFor(item.dueOn, asOf) });
    renderPage(request, response, 'pages/retention-review/retention-review.njk', {
      asOf,
      retentionYears: reports.policies.default.retentionYearsAfterDeselection,
      areaFilter: areaFilter(access.scope, area),
      due: { ...due, items: due.items.map(withOverdue) },
      held,
      pagination: pagination(area, due),
      csvHref: reviewHref(area, 1, 'csv'),
    });
  }
}
