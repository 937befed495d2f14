import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access, accessOf, noteSubjects, renderPage, scopedAreas, seesRestricted } from '@ppo/auth';
import { addDays } from '@ppo/domain';
import { CONTACTS_DUE_CSV, contactsDueReport, ReportContext } from '@ppo/read-models';
import type { Request, Response } from 'express';
import { areaFilter, requestedArea } from '../shared/area-options';
import { sendCsv } from '../shared/csv-download';
import { hrefWith, queryValue, wantsCsv } from '../shared/page-query';


/** Contacts overdue or due within a week, soonest first, for an area or an officer. */
@ApiExcludeController()
@Controller('contacts-due')
export class ContactsDueController {
  constructor(private readonly reportContext: ReportContext) {}

  @Get()
  @Access('reports.cases')
  async report(@Req() request: Request, @Res() response: Response): Promise<void> {
    const access = accessOf(request);
    const reports = this.reportContext;
    const area = requestedArea(access.scope, queryValue(request, 'area'));
    const officer = queryValue(request, 'officer');
    const report = await contactsDueReport(reports.store, reports.today(), reports.policies, { officer, areas: scopedAreas(access.scope, area), includeRestricted: seesRestricted(access.principal.roles) });
    const { contacts, asOf } = report;
    // For the s.62 access log: whose details this page (or its CSV, a disclosure) showed.
    noteSubjects(request, contacts.map((c) => c.offenderId));
    if (wantsCsv(request)) return sendCsv(response, CONTACTS_DUE_CSV, report);
    renderPage(request, response, 'pages/contacts-due/contacts-due.njk', {
      asOf,
      until: addDays(asOf, 7),
      officer,
      contacts,
      overdue: contacts.filter((c) => c.overdue).length,
      areaFilter: areaFilter(access.scope, area),
      csvHref: hrefWith('/contacts-due', { area, officer, format: 'csv' }),
    });
  }
}
