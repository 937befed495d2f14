import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access, accessOf, renderPage, scopedAreas, type FieldError } from '@ppo/auth';
import { addMonths } from '@ppo/domain';
import { SCHEME_SUMMARY_CSV, schemeSummaryReport, ReportContext } from '@ppo/read-models';
import type { Request, Response } from 'express';
import { areaFilter, requestedArea } from '../shared/area-options';
import { sendCsv } from '../shared/csv-download';
import { hrefWith, queryValue, wantsCsv } from '../shared/page-query';
import { dashboardCharts, dashboardTables } from './dashboard-charts';
import { monthName } from '../../shared/format';
import { dashboardFigures, monthsBetween, parseMonth } from './dashboard-figures';

/** The longest range the page works out at once. */
const MAX_MONTHS = 36;

/**
 * The scheme dashboard: aggregated figures per area and month, as charts with
 * their tables, and no personal data (analysts use it).
 */
@ApiExcludeController()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly reportContext: ReportContext) {}

  @Get()
  @Access('reports.aggregate')
  async dashboard(@Req() request: Request, @Res() response: Response): Promise<void> {
    const access = accessOf(request);
    const reports = this.reportContext;
    const today = reports.today();
    const area = requestedArea(access.scope, queryValue(request, 'area'));
    const typed = { from: queryValue(request, 'from'), to: queryValue(request, 'to') };
    const errors: FieldError[] = [];
    // The API's defaults: this month, and the eleven before it.
    const to = typed.to === undefined ? today.slice(0, 7) : parseMonth(typed.to);
    if (!to) errors.push({ field: 'to', text: 'Enter the last month as a month and year, for example November 2026' });
    const from = typed.from === undefined ? addMonths(`${to ?? today.slice(0, 7)}-01`, -11).slice(0, 7) : parseMonth(typed.from);
    if (!from) errors.push({ field: 'from', text: 'Enter the first month as a month and year, for example December 2025' });
    if (from && to && from > to) errors.push({ field: 'from', text: 'The first month must be the same as or before the last month' });
    else if (from && to && monthsBetween(from, to, '9999-12-31').length > MAX_MONTHS) errors.push({ field: 'from', text: `Choose ${MAX_MONTHS} months or fewer` });

    const locals = {
      areaFilter: areaFilter(access.scope, area),
      values: { from: typed.from ?? (from ? monthName(from) : ''), to: typed.to ?? (to ? monthName(to) : '') },
      errors,
    };
    if (errors.length || !from || !to) return renderPage(request, response, 'pages/dashboard/dashboard.njk', locals, 400);

    const { months: report, asOf } = await schemeSummaryReport(reports.store, { areas: scopedAreas(access.scope, area), from, to, today });
    if (wantsCsv(request)) return sendCsv(response, SCHEME_SUMMARY_CSV, { months: report, asOf });
    const figures = dashboardFigures(report, monthsBetween(from, to, today));
    renderPage(request, response, 'pages/dashboard/dashboard.njk', {
      ...locals,
      asOf,
      range: { from: monthName(from), to: monthName(to) },
      areaName: area,
      figures,
      charts: dashboardCharts(figures),
      tables: dashboardTables(figures),
      csvHref: hrefWith('/dashboard', { area, from, to, format: 'csv' }),
    });
  }
}
